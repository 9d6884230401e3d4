;; The fast executor's matrix products in WebAssembly SIMD. All operands are row-major float32 at
;; byte addresses in the one imported memory. Assembled by scripts/assemble-kernels.ts (wabt) into
;; kernels.generated.ts, once with this private memory and once with a shared one (for the helper
;; thread of parallel.ts); edit this file, then run `npm run kernels`.
;;
;;   gemm(a, aRow, aStep, b, bias, c, M, K, N): C[M×N] = A·B (+ bias[N]), A(i, p) at a + i·aRow + p·aStep,
;;     B [K×N]; bias 0 for none. aRow = 4K, aStep = 4 is A·B; aRow = 4, aStep = 4M is Aᵀ·B
;;     (A then [K×M], read by columns). Example: X [128×784] · W [784×256] + b → Z [128×256].
;;   dots(d, b, c, M, K, N): C[M×K] = D·Bᵀ with D [M×N], B [K×N]: dot products of rows.
;;     Example: dZ [128×256] · W [784×256]ᵀ → dX [128×784].
;;
;; Each product is cut into register tiles whose accumulators stay in v128 registers for the whole
;; reduction. gemm: 4 rows of C × 2 vectors (8 columns), each step a splat of A times a row of B;
;; dots: 4 rows of D × 2 rows of B, summed 4 lanes at a time. x64 has 16 XMM registers: 4 × 2
;; accumulators leave room for the operands, while 12 or more spill (measured: 60 against 33 GFLOP/s
;; at 128×784×256). Rows and columns that do not fill a tile go through narrower tiles (one row, one
;; vector, one scalar column). Each tile function runs `count` tiles in a line (down a strip of
;; columns, or along the rows of B), so a call serves many tiles: V8 does not inline wasm calls
;; everywhere, and a call per tile cost 10-40 % of the small products (N = 10, K = 2).
(module
  (import "env" "memory" (memory 1))

  (func (export "gemm")
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $M i32) (param $K i32) (param $N i32)
    (local $j i32)
    ;; Columns 8 at a time, then 4, then 1.
    (local.set $j (call $gemmStrips (i32.const 8) (i32.const 0)
      (local.get $a) (local.get $aRow) (local.get $aStep) (local.get $b) (local.get $bias) (local.get $c)
      (local.get $M) (local.get $K) (local.get $N)))
    (local.set $j (call $gemmStrips (i32.const 4) (local.get $j)
      (local.get $a) (local.get $aRow) (local.get $aStep) (local.get $b) (local.get $bias) (local.get $c)
      (local.get $M) (local.get $K) (local.get $N)))
    (drop (call $gemmStrips (i32.const 1) (local.get $j)
      (local.get $a) (local.get $aRow) (local.get $aStep) (local.get $b) (local.get $bias) (local.get $c)
      (local.get $M) (local.get $K) (local.get $N))))

  ;; Strips of `width` columns (8, 4 or 1) from column j while a whole one fits: every strip as
  ;; M div 4 tiles of 4 rows, then M mod 4 single rows. Returns the first column left.
  (func $gemmStrips
    (param $width i32) (param $j i32)
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $M i32) (param $K i32) (param $N i32) (result i32)
    (local $rowBytes i32) (local $fours i32) (local $rest i32) (local $aRest i32) (local $cRest i32)
    (local $jBytes i32) (local $bStrip i32) (local $biasStrip i32) (local $cStrip i32)
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 2)))
    (local.set $fours (i32.shr_u (local.get $M) (i32.const 2)))
    (local.set $rest (i32.and (local.get $M) (i32.const 3)))
    ;; The single rows start at row 4·fours, of A and of C.
    (local.set $aRest (i32.add (local.get $a) (i32.mul (i32.shl (local.get $fours) (i32.const 2)) (local.get $aRow))))
    (local.set $cRest (i32.mul (i32.shl (local.get $fours) (i32.const 2)) (local.get $rowBytes)))
    (block $done
      (loop $strip
        (br_if $done (i32.gt_s (i32.add (local.get $j) (local.get $width)) (local.get $N)))
        (local.set $jBytes (i32.shl (local.get $j) (i32.const 2)))
        (local.set $bStrip (i32.add (local.get $b) (local.get $jBytes)))
        (local.set $biasStrip (select (i32.add (local.get $bias) (local.get $jBytes)) (i32.const 0) (local.get $bias)))
        (local.set $cStrip (i32.add (local.get $c) (local.get $jBytes)))
        (if (i32.eq (local.get $width) (i32.const 8))
          (then
            (call $gemm4x8 (local.get $a) (local.get $aRow) (local.get $aStep) (local.get $bStrip)
              (local.get $biasStrip) (local.get $cStrip) (local.get $K) (local.get $rowBytes) (local.get $fours))
            (call $gemm1x8 (local.get $aRest) (local.get $aRow) (local.get $aStep) (local.get $bStrip)
              (local.get $biasStrip) (i32.add (local.get $cStrip) (local.get $cRest)) (local.get $K)
              (local.get $rowBytes) (local.get $rest))))
        (if (i32.eq (local.get $width) (i32.const 4))
          (then
            (call $gemm4x4 (local.get $a) (local.get $aRow) (local.get $aStep) (local.get $bStrip)
              (local.get $biasStrip) (local.get $cStrip) (local.get $K) (local.get $rowBytes) (local.get $fours))
            (call $gemm1x4 (local.get $aRest) (local.get $aRow) (local.get $aStep) (local.get $bStrip)
              (local.get $biasStrip) (i32.add (local.get $cStrip) (local.get $cRest)) (local.get $K)
              (local.get $rowBytes) (local.get $rest))))
        (if (i32.eq (local.get $width) (i32.const 1))
          (then
            (call $gemm4x1 (local.get $a) (local.get $aRow) (local.get $aStep) (local.get $bStrip)
              (local.get $biasStrip) (local.get $cStrip) (local.get $K) (local.get $rowBytes) (local.get $fours))
            (call $gemm1x1 (local.get $aRest) (local.get $aRow) (local.get $aStep) (local.get $bStrip)
              (local.get $biasStrip) (i32.add (local.get $cStrip) (local.get $cRest)) (local.get $K)
              (local.get $rowBytes) (local.get $rest))))
        (local.set $j (i32.add (local.get $j) (local.get $width)))
        (br $strip)))
    (local.get $j))

  ;; The gemm tiles: `count` tiles down one strip of columns, the first one's rows at a (aRow apart,
  ;; aStep between columns) and at c (rowBytes apart); B's strip at b (K rows of rowBytes), the
  ;; bias's at `bias` (0: none).

  ;; C[4×8] = 4 rows of A · 8 columns of B (+ bias): 8 accumulators of 4 lanes.
  (func $gemm4x8
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $K i32) (param $rowBytes i32) (param $count i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $p i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $k i32) (local $bRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $p (i32.const 0)) (local.set $k (local.get $K)) (local.set $bRow (local.get $b))
        (local.set $c00 (local.tee $c01 (local.tee $c10 (local.tee $c11
          (local.tee $c20 (local.tee $c21 (local.tee $c30 (local.tee $c31 (v128.const i32x4 0 0 0 0)))))))))
        (local.set $a1 (i32.add (local.get $a) (local.get $aRow)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $aRow)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $aRow)))
        (if (i32.gt_s (local.get $k) (i32.const 0))
          (then
            (loop $step ;; p: the byte offset of A(·, p) in its row; bRow: B's row p
              (local.set $b0 (v128.load align=4 (local.get $bRow)))
              (local.set $b1 (v128.load offset=16 align=4 (local.get $bRow)))
              (local.set $x (v128.load32_splat align=4 (i32.add (local.get $a) (local.get $p))))
              (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $x (v128.load32_splat align=4 (i32.add (local.get $a1) (local.get $p))))
              (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $x (v128.load32_splat align=4 (i32.add (local.get $a2) (local.get $p))))
              (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $x (v128.load32_splat align=4 (i32.add (local.get $a3) (local.get $p))))
              (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $p (i32.add (local.get $p) (local.get $aStep)))
              (local.set $bRow (i32.add (local.get $bRow) (local.get $rowBytes)))
              (br_if $step (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))))
        (if (local.get $bias)
          (then
            (local.set $b0 (v128.load align=4 (local.get $bias)))
            (local.set $b1 (v128.load offset=16 align=4 (local.get $bias)))
            (local.set $c00 (f32x4.add (local.get $c00) (local.get $b0)))
            (local.set $c10 (f32x4.add (local.get $c10) (local.get $b0)))
            (local.set $c20 (f32x4.add (local.get $c20) (local.get $b0)))
            (local.set $c30 (f32x4.add (local.get $c30) (local.get $b0)))
            (local.set $c01 (f32x4.add (local.get $c01) (local.get $b1)))
            (local.set $c11 (f32x4.add (local.get $c11) (local.get $b1)))
            (local.set $c21 (f32x4.add (local.get $c21) (local.get $b1)))
            (local.set $c31 (f32x4.add (local.get $c31) (local.get $b1)))))
        (v128.store align=4 (local.get $c) (local.get $c00))
        (v128.store offset=16 align=4 (local.get $c) (local.get $c01))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (v128.store align=4 (local.get $c) (local.get $c10))
        (v128.store offset=16 align=4 (local.get $c) (local.get $c11))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (v128.store align=4 (local.get $c) (local.get $c20))
        (v128.store offset=16 align=4 (local.get $c) (local.get $c21))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (v128.store align=4 (local.get $c) (local.get $c30))
        (v128.store offset=16 align=4 (local.get $c) (local.get $c31))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (local.set $a (i32.add (local.get $a3) (local.get $aRow)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[1×8]: the last rows of an 8-column strip.
  (func $gemm1x8
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $K i32) (param $rowBytes i32) (param $count i32)
    (local $p i32) (local $x v128) (local $c00 v128) (local $c01 v128)
    (local $k i32) (local $bRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $p (i32.const 0)) (local.set $k (local.get $K)) (local.set $bRow (local.get $b))
        (local.set $c00 (local.tee $c01 (v128.const i32x4 0 0 0 0)))
        (if (i32.gt_s (local.get $k) (i32.const 0))
          (then
            (loop $step
              (local.set $x (v128.load32_splat align=4 (i32.add (local.get $a) (local.get $p))))
              (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (v128.load align=4 (local.get $bRow)))))
              (local.set $c01
                (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (v128.load offset=16 align=4 (local.get $bRow)))))
              (local.set $p (i32.add (local.get $p) (local.get $aStep)))
              (local.set $bRow (i32.add (local.get $bRow) (local.get $rowBytes)))
              (br_if $step (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))))
        (if (local.get $bias)
          (then
            (local.set $c00 (f32x4.add (local.get $c00) (v128.load align=4 (local.get $bias))))
            (local.set $c01 (f32x4.add (local.get $c01) (v128.load offset=16 align=4 (local.get $bias))))))
        (v128.store align=4 (local.get $c) (local.get $c00))
        (v128.store offset=16 align=4 (local.get $c) (local.get $c01))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (local.set $a (i32.add (local.get $a) (local.get $aRow)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[4×4]: 4 rows of a 4-column strip (N mod 8 ≥ 4).
  (func $gemm4x4
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $K i32) (param $rowBytes i32) (param $count i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $p i32) (local $b0 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $k i32) (local $bRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $p (i32.const 0)) (local.set $k (local.get $K)) (local.set $bRow (local.get $b))
        (local.set $c0 (local.tee $c1 (local.tee $c2 (local.tee $c3 (v128.const i32x4 0 0 0 0)))))
        (local.set $a1 (i32.add (local.get $a) (local.get $aRow)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $aRow)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $aRow)))
        (if (i32.gt_s (local.get $k) (i32.const 0))
          (then
            (loop $step
              (local.set $b0 (v128.load align=4 (local.get $bRow)))
              (local.set $c0 (f32x4.add (local.get $c0)
                (f32x4.mul (v128.load32_splat align=4 (i32.add (local.get $a) (local.get $p))) (local.get $b0))))
              (local.set $c1 (f32x4.add (local.get $c1)
                (f32x4.mul (v128.load32_splat align=4 (i32.add (local.get $a1) (local.get $p))) (local.get $b0))))
              (local.set $c2 (f32x4.add (local.get $c2)
                (f32x4.mul (v128.load32_splat align=4 (i32.add (local.get $a2) (local.get $p))) (local.get $b0))))
              (local.set $c3 (f32x4.add (local.get $c3)
                (f32x4.mul (v128.load32_splat align=4 (i32.add (local.get $a3) (local.get $p))) (local.get $b0))))
              (local.set $p (i32.add (local.get $p) (local.get $aStep)))
              (local.set $bRow (i32.add (local.get $bRow) (local.get $rowBytes)))
              (br_if $step (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))))
        (if (local.get $bias)
          (then
            (local.set $b0 (v128.load align=4 (local.get $bias)))
            (local.set $c0 (f32x4.add (local.get $c0) (local.get $b0)))
            (local.set $c1 (f32x4.add (local.get $c1) (local.get $b0)))
            (local.set $c2 (f32x4.add (local.get $c2) (local.get $b0)))
            (local.set $c3 (f32x4.add (local.get $c3) (local.get $b0)))))
        (v128.store align=4 (local.get $c) (local.get $c0))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (v128.store align=4 (local.get $c) (local.get $c1))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (v128.store align=4 (local.get $c) (local.get $c2))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (v128.store align=4 (local.get $c) (local.get $c3))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (local.set $a (i32.add (local.get $a3) (local.get $aRow)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[1×4].
  (func $gemm1x4
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $K i32) (param $rowBytes i32) (param $count i32)
    (local $p i32) (local $c0 v128)
    (local $k i32) (local $bRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $p (i32.const 0)) (local.set $k (local.get $K)) (local.set $bRow (local.get $b))
        (local.set $c0 (v128.const i32x4 0 0 0 0))
        (if (i32.gt_s (local.get $k) (i32.const 0))
          (then
            (loop $step
              (local.set $c0 (f32x4.add (local.get $c0)
                (f32x4.mul (v128.load32_splat align=4 (i32.add (local.get $a) (local.get $p)))
                  (v128.load align=4 (local.get $bRow)))))
              (local.set $p (i32.add (local.get $p) (local.get $aStep)))
              (local.set $bRow (i32.add (local.get $bRow) (local.get $rowBytes)))
              (br_if $step (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))))
        (if (local.get $bias)
          (then (local.set $c0 (f32x4.add (local.get $c0) (v128.load align=4 (local.get $bias))))))
        (v128.store align=4 (local.get $c) (local.get $c0))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (local.set $a (i32.add (local.get $a) (local.get $aRow)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[4×1]: 4 rows of one of the last N mod 4 columns, in scalars.
  (func $gemm4x1
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $K i32) (param $rowBytes i32) (param $count i32)
    (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $p i32) (local $b0 f32)
    (local $c0 f32) (local $c1 f32) (local $c2 f32) (local $c3 f32)
    (local $k i32) (local $bRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $p (i32.const 0)) (local.set $k (local.get $K)) (local.set $bRow (local.get $b))
        (local.set $c0 (local.tee $c1 (local.tee $c2 (local.tee $c3 (f32.const 0)))))
        (local.set $a1 (i32.add (local.get $a) (local.get $aRow)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $aRow)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $aRow)))
        (if (i32.gt_s (local.get $k) (i32.const 0))
          (then
            (loop $step
              (local.set $b0 (f32.load align=4 (local.get $bRow)))
              (local.set $c0 (f32.add (local.get $c0)
                (f32.mul (f32.load align=4 (i32.add (local.get $a) (local.get $p))) (local.get $b0))))
              (local.set $c1 (f32.add (local.get $c1)
                (f32.mul (f32.load align=4 (i32.add (local.get $a1) (local.get $p))) (local.get $b0))))
              (local.set $c2 (f32.add (local.get $c2)
                (f32.mul (f32.load align=4 (i32.add (local.get $a2) (local.get $p))) (local.get $b0))))
              (local.set $c3 (f32.add (local.get $c3)
                (f32.mul (f32.load align=4 (i32.add (local.get $a3) (local.get $p))) (local.get $b0))))
              (local.set $p (i32.add (local.get $p) (local.get $aStep)))
              (local.set $bRow (i32.add (local.get $bRow) (local.get $rowBytes)))
              (br_if $step (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))))
        (if (local.get $bias)
          (then
            (local.set $b0 (f32.load align=4 (local.get $bias)))
            (local.set $c0 (f32.add (local.get $c0) (local.get $b0)))
            (local.set $c1 (f32.add (local.get $c1) (local.get $b0)))
            (local.set $c2 (f32.add (local.get $c2) (local.get $b0)))
            (local.set $c3 (f32.add (local.get $c3) (local.get $b0)))))
        (f32.store align=4 (local.get $c) (local.get $c0))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (f32.store align=4 (local.get $c) (local.get $c1))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (f32.store align=4 (local.get $c) (local.get $c2))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (f32.store align=4 (local.get $c) (local.get $c3))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (local.set $a (i32.add (local.get $a3) (local.get $aRow)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[1×1].
  (func $gemm1x1
    (param $a i32) (param $aRow i32) (param $aStep i32) (param $b i32) (param $bias i32) (param $c i32)
    (param $K i32) (param $rowBytes i32) (param $count i32)
    (local $p i32) (local $c0 f32)
    (local $k i32) (local $bRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $p (i32.const 0)) (local.set $k (local.get $K)) (local.set $bRow (local.get $b))
        (local.set $c0 (f32.const 0))
        (if (i32.gt_s (local.get $k) (i32.const 0))
          (then
            (loop $step
              (local.set $c0 (f32.add (local.get $c0)
                (f32.mul (f32.load align=4 (i32.add (local.get $a) (local.get $p))) (f32.load align=4 (local.get $bRow)))))
              (local.set $p (i32.add (local.get $p) (local.get $aStep)))
              (local.set $bRow (i32.add (local.get $bRow) (local.get $rowBytes)))
              (br_if $step (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))))
        (if (local.get $bias)
          (then (local.set $c0 (f32.add (local.get $c0) (f32.load align=4 (local.get $bias))))))
        (f32.store align=4 (local.get $c) (local.get $c0))
        (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
        (local.set $a (i32.add (local.get $a) (local.get $aRow)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  (func (export "dots") (param $d i32) (param $b i32) (param $c i32) (param $M i32) (param $K i32) (param $N i32)
    (local $rowBytes i32) (local $outBytes i32) (local $pairs i32) (local $bLast i32) (local $cLast i32)
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 2)))
    (local.set $outBytes (i32.shl (local.get $K) (i32.const 2)))
    ;; Every row of C: K div 2 tiles of 2 columns, then the last column when K is odd.
    (local.set $pairs (i32.shr_u (local.get $K) (i32.const 1)))
    (local.set $bLast (i32.add (local.get $b) (i32.mul (i32.shl (local.get $pairs) (i32.const 1)) (local.get $rowBytes))))
    (local.set $cLast (i32.shl (local.get $pairs) (i32.const 3)))
    ;; Rows 4 at a time, then 1.
    (block $fourDone
      (loop $four
        (br_if $fourDone (i32.lt_s (local.get $M) (i32.const 4)))
        (call $dots4x2 (local.get $d) (local.get $b) (local.get $c) (local.get $rowBytes) (local.get $outBytes)
          (local.get $pairs))
        (call $dots4x1 (local.get $d) (local.get $bLast) (i32.add (local.get $c) (local.get $cLast))
          (local.get $rowBytes) (local.get $outBytes) (i32.and (local.get $K) (i32.const 1)))
        (local.set $d (i32.add (local.get $d) (i32.shl (local.get $rowBytes) (i32.const 2))))
        (local.set $c (i32.add (local.get $c) (i32.shl (local.get $outBytes) (i32.const 2))))
        (local.set $M (i32.sub (local.get $M) (i32.const 4)))
        (br $four)))
    (block $oneDone
      (loop $one
        (br_if $oneDone (i32.le_s (local.get $M) (i32.const 0)))
        (call $dots1x2 (local.get $d) (local.get $b) (local.get $c) (local.get $rowBytes) (local.get $outBytes)
          (local.get $pairs))
        (call $dots1x1 (local.get $d) (local.get $bLast) (i32.add (local.get $c) (local.get $cLast))
          (local.get $rowBytes) (local.get $outBytes) (i32.and (local.get $K) (i32.const 1)))
        (local.set $d (i32.add (local.get $d) (local.get $rowBytes)))
        (local.set $c (i32.add (local.get $c) (local.get $outBytes)))
        (local.set $M (i32.sub (local.get $M) (i32.const 1)))
        (br $one))))

  ;; The dots tiles: `count` tiles along the rows of B, the first one's at b (rowBytes apart), all
  ;; against the rows of D at d (rowBytes apart); C's rows at c (outBytes apart).

  ;; C[4×2] = 4 rows of D · 2 rows of B: 8 dot products, 4 lanes at a time over whole vectors, then
  ;; each summed across its lanes, (x0 + x1) + (x2 + x3), and finished in scalars over the last
  ;; N mod 4 columns.
  (func $dots4x2
    (param $d i32) (param $b i32) (param $c i32) (param $rowBytes i32) (param $outBytes i32) (param $count i32)
    (local $d1 i32) (local $d2 i32) (local $d3 i32) (local $b1 i32) (local $j i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $y v128)
    (local $v00 v128) (local $v01 v128) (local $v10 v128) (local $v11 v128)
    (local $v20 v128) (local $v21 v128) (local $v30 v128) (local $v31 v128)
    (local $u0 f32) (local $u1 f32) (local $u2 f32) (local $u3 f32) (local $w f32)
    (local $s00 f32) (local $s01 f32) (local $s10 f32) (local $s11 f32)
    (local $s20 f32) (local $s21 f32) (local $s30 f32) (local $s31 f32)
    (local $cRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $j (i32.const 0)) (local.set $cRow (local.get $c))
        (local.set $v00 (local.tee $v01 (local.tee $v10 (local.tee $v11
          (local.tee $v20 (local.tee $v21 (local.tee $v30 (local.tee $v31 (v128.const i32x4 0 0 0 0)))))))))
        (local.set $d1 (i32.add (local.get $d) (local.get $rowBytes)))
        (local.set $d2 (i32.add (local.get $d1) (local.get $rowBytes)))
        (local.set $d3 (i32.add (local.get $d2) (local.get $rowBytes)))
        (local.set $b1 (i32.add (local.get $b) (local.get $rowBytes)))
        (block $vectorsDone
          (loop $vectors ;; j: the byte offset in the rows
            (br_if $vectorsDone (i32.gt_s (i32.add (local.get $j) (i32.const 16)) (local.get $rowBytes)))
            (local.set $x0 (v128.load align=4 (i32.add (local.get $d) (local.get $j))))
            (local.set $x1 (v128.load align=4 (i32.add (local.get $d1) (local.get $j))))
            (local.set $x2 (v128.load align=4 (i32.add (local.get $d2) (local.get $j))))
            (local.set $x3 (v128.load align=4 (i32.add (local.get $d3) (local.get $j))))
            (local.set $y (v128.load align=4 (i32.add (local.get $b) (local.get $j))))
            (local.set $v00 (f32x4.add (local.get $v00) (f32x4.mul (local.get $x0) (local.get $y))))
            (local.set $v10 (f32x4.add (local.get $v10) (f32x4.mul (local.get $x1) (local.get $y))))
            (local.set $v20 (f32x4.add (local.get $v20) (f32x4.mul (local.get $x2) (local.get $y))))
            (local.set $v30 (f32x4.add (local.get $v30) (f32x4.mul (local.get $x3) (local.get $y))))
            (local.set $y (v128.load align=4 (i32.add (local.get $b1) (local.get $j))))
            (local.set $v01 (f32x4.add (local.get $v01) (f32x4.mul (local.get $x0) (local.get $y))))
            (local.set $v11 (f32x4.add (local.get $v11) (f32x4.mul (local.get $x1) (local.get $y))))
            (local.set $v21 (f32x4.add (local.get $v21) (f32x4.mul (local.get $x2) (local.get $y))))
            (local.set $v31 (f32x4.add (local.get $v31) (f32x4.mul (local.get $x3) (local.get $y))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $vectors)))
        (local.set $s00
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v00)) (f32x4.extract_lane 1 (local.get $v00)))
            (f32.add (f32x4.extract_lane 2 (local.get $v00)) (f32x4.extract_lane 3 (local.get $v00)))))
        (local.set $s01
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v01)) (f32x4.extract_lane 1 (local.get $v01)))
            (f32.add (f32x4.extract_lane 2 (local.get $v01)) (f32x4.extract_lane 3 (local.get $v01)))))
        (local.set $s10
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v10)) (f32x4.extract_lane 1 (local.get $v10)))
            (f32.add (f32x4.extract_lane 2 (local.get $v10)) (f32x4.extract_lane 3 (local.get $v10)))))
        (local.set $s11
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v11)) (f32x4.extract_lane 1 (local.get $v11)))
            (f32.add (f32x4.extract_lane 2 (local.get $v11)) (f32x4.extract_lane 3 (local.get $v11)))))
        (local.set $s20
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v20)) (f32x4.extract_lane 1 (local.get $v20)))
            (f32.add (f32x4.extract_lane 2 (local.get $v20)) (f32x4.extract_lane 3 (local.get $v20)))))
        (local.set $s21
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v21)) (f32x4.extract_lane 1 (local.get $v21)))
            (f32.add (f32x4.extract_lane 2 (local.get $v21)) (f32x4.extract_lane 3 (local.get $v21)))))
        (local.set $s30
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v30)) (f32x4.extract_lane 1 (local.get $v30)))
            (f32.add (f32x4.extract_lane 2 (local.get $v30)) (f32x4.extract_lane 3 (local.get $v30)))))
        (local.set $s31
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v31)) (f32x4.extract_lane 1 (local.get $v31)))
            (f32.add (f32x4.extract_lane 2 (local.get $v31)) (f32x4.extract_lane 3 (local.get $v31)))))
        (block $scalarsDone
          (loop $scalars
            (br_if $scalarsDone (i32.ge_s (local.get $j) (local.get $rowBytes)))
            (local.set $u0 (f32.load align=4 (i32.add (local.get $d) (local.get $j))))
            (local.set $u1 (f32.load align=4 (i32.add (local.get $d1) (local.get $j))))
            (local.set $u2 (f32.load align=4 (i32.add (local.get $d2) (local.get $j))))
            (local.set $u3 (f32.load align=4 (i32.add (local.get $d3) (local.get $j))))
            (local.set $w (f32.load align=4 (i32.add (local.get $b) (local.get $j))))
            (local.set $s00 (f32.add (local.get $s00) (f32.mul (local.get $u0) (local.get $w))))
            (local.set $s10 (f32.add (local.get $s10) (f32.mul (local.get $u1) (local.get $w))))
            (local.set $s20 (f32.add (local.get $s20) (f32.mul (local.get $u2) (local.get $w))))
            (local.set $s30 (f32.add (local.get $s30) (f32.mul (local.get $u3) (local.get $w))))
            (local.set $w (f32.load align=4 (i32.add (local.get $b1) (local.get $j))))
            (local.set $s01 (f32.add (local.get $s01) (f32.mul (local.get $u0) (local.get $w))))
            (local.set $s11 (f32.add (local.get $s11) (f32.mul (local.get $u1) (local.get $w))))
            (local.set $s21 (f32.add (local.get $s21) (f32.mul (local.get $u2) (local.get $w))))
            (local.set $s31 (f32.add (local.get $s31) (f32.mul (local.get $u3) (local.get $w))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $scalars)))
        (f32.store align=4 (local.get $cRow) (local.get $s00))
        (f32.store offset=4 align=4 (local.get $cRow) (local.get $s01))
        (local.set $cRow (i32.add (local.get $cRow) (local.get $outBytes)))
        (f32.store align=4 (local.get $cRow) (local.get $s10))
        (f32.store offset=4 align=4 (local.get $cRow) (local.get $s11))
        (local.set $cRow (i32.add (local.get $cRow) (local.get $outBytes)))
        (f32.store align=4 (local.get $cRow) (local.get $s20))
        (f32.store offset=4 align=4 (local.get $cRow) (local.get $s21))
        (local.set $cRow (i32.add (local.get $cRow) (local.get $outBytes)))
        (f32.store align=4 (local.get $cRow) (local.get $s30))
        (f32.store offset=4 align=4 (local.get $cRow) (local.get $s31))
        (local.set $b (i32.add (local.get $b) (i32.shl (local.get $rowBytes) (i32.const 1))))
        (local.set $c (i32.add (local.get $c) (i32.const 8)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[4×1]: 4 rows of D · the last row of B (K odd).
  (func $dots4x1
    (param $d i32) (param $b i32) (param $c i32) (param $rowBytes i32) (param $outBytes i32) (param $count i32)
    (local $d1 i32) (local $d2 i32) (local $d3 i32) (local $j i32) (local $y v128) (local $w f32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $s0 f32) (local $s1 f32) (local $s2 f32) (local $s3 f32)
    (local $cRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $j (i32.const 0)) (local.set $cRow (local.get $c))
        (local.set $v0 (local.tee $v1 (local.tee $v2 (local.tee $v3 (v128.const i32x4 0 0 0 0)))))
        (local.set $d1 (i32.add (local.get $d) (local.get $rowBytes)))
        (local.set $d2 (i32.add (local.get $d1) (local.get $rowBytes)))
        (local.set $d3 (i32.add (local.get $d2) (local.get $rowBytes)))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.gt_s (i32.add (local.get $j) (i32.const 16)) (local.get $rowBytes)))
            (local.set $y (v128.load align=4 (i32.add (local.get $b) (local.get $j))))
            (local.set $v0 (f32x4.add (local.get $v0)
              (f32x4.mul (v128.load align=4 (i32.add (local.get $d) (local.get $j))) (local.get $y))))
            (local.set $v1 (f32x4.add (local.get $v1)
              (f32x4.mul (v128.load align=4 (i32.add (local.get $d1) (local.get $j))) (local.get $y))))
            (local.set $v2 (f32x4.add (local.get $v2)
              (f32x4.mul (v128.load align=4 (i32.add (local.get $d2) (local.get $j))) (local.get $y))))
            (local.set $v3 (f32x4.add (local.get $v3)
              (f32x4.mul (v128.load align=4 (i32.add (local.get $d3) (local.get $j))) (local.get $y))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $vectors)))
        (local.set $s0
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v0)) (f32x4.extract_lane 1 (local.get $v0)))
            (f32.add (f32x4.extract_lane 2 (local.get $v0)) (f32x4.extract_lane 3 (local.get $v0)))))
        (local.set $s1
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v1)) (f32x4.extract_lane 1 (local.get $v1)))
            (f32.add (f32x4.extract_lane 2 (local.get $v1)) (f32x4.extract_lane 3 (local.get $v1)))))
        (local.set $s2
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v2)) (f32x4.extract_lane 1 (local.get $v2)))
            (f32.add (f32x4.extract_lane 2 (local.get $v2)) (f32x4.extract_lane 3 (local.get $v2)))))
        (local.set $s3
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v3)) (f32x4.extract_lane 1 (local.get $v3)))
            (f32.add (f32x4.extract_lane 2 (local.get $v3)) (f32x4.extract_lane 3 (local.get $v3)))))
        (block $scalarsDone
          (loop $scalars
            (br_if $scalarsDone (i32.ge_s (local.get $j) (local.get $rowBytes)))
            (local.set $w (f32.load align=4 (i32.add (local.get $b) (local.get $j))))
            (local.set $s0 (f32.add (local.get $s0)
              (f32.mul (f32.load align=4 (i32.add (local.get $d) (local.get $j))) (local.get $w))))
            (local.set $s1 (f32.add (local.get $s1)
              (f32.mul (f32.load align=4 (i32.add (local.get $d1) (local.get $j))) (local.get $w))))
            (local.set $s2 (f32.add (local.get $s2)
              (f32.mul (f32.load align=4 (i32.add (local.get $d2) (local.get $j))) (local.get $w))))
            (local.set $s3 (f32.add (local.get $s3)
              (f32.mul (f32.load align=4 (i32.add (local.get $d3) (local.get $j))) (local.get $w))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $scalars)))
        (f32.store align=4 (local.get $cRow) (local.get $s0))
        (local.set $cRow (i32.add (local.get $cRow) (local.get $outBytes)))
        (f32.store align=4 (local.get $cRow) (local.get $s1))
        (local.set $cRow (i32.add (local.get $cRow) (local.get $outBytes)))
        (f32.store align=4 (local.get $cRow) (local.get $s2))
        (local.set $cRow (i32.add (local.get $cRow) (local.get $outBytes)))
        (f32.store align=4 (local.get $cRow) (local.get $s3))
        (local.set $b (i32.add (local.get $b) (local.get $rowBytes)))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[1×2]: one of the last M mod 4 rows of D · 2 rows of B.
  (func $dots1x2
    (param $d i32) (param $b i32) (param $c i32) (param $rowBytes i32) (param $outBytes i32) (param $count i32)
    (local $b1 i32) (local $j i32) (local $x v128) (local $u f32)
    (local $v0 v128) (local $v1 v128) (local $s0 f32) (local $s1 f32)
    (local $cRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $j (i32.const 0)) (local.set $cRow (local.get $c))
        (local.set $v0 (local.tee $v1 (v128.const i32x4 0 0 0 0)))
        (local.set $b1 (i32.add (local.get $b) (local.get $rowBytes)))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.gt_s (i32.add (local.get $j) (i32.const 16)) (local.get $rowBytes)))
            (local.set $x (v128.load align=4 (i32.add (local.get $d) (local.get $j))))
            (local.set $v0 (f32x4.add (local.get $v0)
              (f32x4.mul (local.get $x) (v128.load align=4 (i32.add (local.get $b) (local.get $j))))))
            (local.set $v1 (f32x4.add (local.get $v1)
              (f32x4.mul (local.get $x) (v128.load align=4 (i32.add (local.get $b1) (local.get $j))))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $vectors)))
        (local.set $s0
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v0)) (f32x4.extract_lane 1 (local.get $v0)))
            (f32.add (f32x4.extract_lane 2 (local.get $v0)) (f32x4.extract_lane 3 (local.get $v0)))))
        (local.set $s1
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v1)) (f32x4.extract_lane 1 (local.get $v1)))
            (f32.add (f32x4.extract_lane 2 (local.get $v1)) (f32x4.extract_lane 3 (local.get $v1)))))
        (block $scalarsDone
          (loop $scalars
            (br_if $scalarsDone (i32.ge_s (local.get $j) (local.get $rowBytes)))
            (local.set $u (f32.load align=4 (i32.add (local.get $d) (local.get $j))))
            (local.set $s0 (f32.add (local.get $s0)
              (f32.mul (local.get $u) (f32.load align=4 (i32.add (local.get $b) (local.get $j))))))
            (local.set $s1 (f32.add (local.get $s1)
              (f32.mul (local.get $u) (f32.load align=4 (i32.add (local.get $b1) (local.get $j))))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $scalars)))
        (f32.store align=4 (local.get $cRow) (local.get $s0))
        (f32.store offset=4 align=4 (local.get $cRow) (local.get $s1))
        (local.set $b (i32.add (local.get $b) (i32.shl (local.get $rowBytes) (i32.const 1))))
        (local.set $c (i32.add (local.get $c) (i32.const 8)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))

  ;; C[1×1]: one dot product.
  (func $dots1x1
    (param $d i32) (param $b i32) (param $c i32) (param $rowBytes i32) (param $outBytes i32) (param $count i32)
    (local $j i32) (local $v0 v128) (local $s0 f32)
    (local $cRow i32)
    (block $done
      (loop $tile
        (br_if $done (i32.le_s (local.get $count) (i32.const 0)))
        (local.set $j (i32.const 0)) (local.set $cRow (local.get $c))
        (local.set $v0 (v128.const i32x4 0 0 0 0))
        (block $vectorsDone
          (loop $vectors
            (br_if $vectorsDone (i32.gt_s (i32.add (local.get $j) (i32.const 16)) (local.get $rowBytes)))
            (local.set $v0 (f32x4.add (local.get $v0)
              (f32x4.mul (v128.load align=4 (i32.add (local.get $d) (local.get $j)))
                (v128.load align=4 (i32.add (local.get $b) (local.get $j))))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $vectors)))
        (local.set $s0
          (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v0)) (f32x4.extract_lane 1 (local.get $v0)))
            (f32.add (f32x4.extract_lane 2 (local.get $v0)) (f32x4.extract_lane 3 (local.get $v0)))))
        (block $scalarsDone
          (loop $scalars
            (br_if $scalarsDone (i32.ge_s (local.get $j) (local.get $rowBytes)))
            (local.set $s0 (f32.add (local.get $s0)
              (f32.mul (f32.load align=4 (i32.add (local.get $d) (local.get $j)))
                (f32.load align=4 (i32.add (local.get $b) (local.get $j))))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $scalars)))
        (f32.store align=4 (local.get $cRow) (local.get $s0))
        (local.set $b (i32.add (local.get $b) (local.get $rowBytes)))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $tile))))
)
