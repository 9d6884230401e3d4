;; The fast executor's element-wise kernels in WebAssembly SIMD: the spec's optimizer steps (§8) on
;; one parameter tensor, ReLU and leaky ReLU, and BatchNorm's per-channel passes. Float32 buffers at
;; byte addresses in the one imported memory. Assembled with products.wat (see there).
;;
;; Whole vectors only: a call on n values runs over ⌈n/4⌉·4 of them. Every buffer SimdKernels hands
;; out starts on a 16-byte boundary and ends on one, padded with bytes that belong to no other buffer,
;; and only such whole buffers come here (elementwise.ts), so the last vector's extra lanes touch
;; nothing anyone reads.
;;
;; The optimizer steps and BatchNorm's input gradient run in float32, rounded after every operation,
;; where the JS loops they replace (engine/fast/steps.ts, engine/nodes/batchnorm/fast.ts) run in
;; float64 and round once, on the store. The activations and BatchNorm's other passes give the JS
;; loops' values to the bit.
(module
  (import "env" "memory" (memory 1))

  ;; Gradient descent: W := W − α dW. Example: W [784×256], dW [784×256], n = 200704.
  (func (export "gd") (param $w i32) (param $dw i32) (param $n i32) (param $lr f32)
    (local $end i32) (local $alpha v128)
    (local.set $alpha (f32x4.splat (local.get $lr)))
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $w) (local.get $end)))
        (v128.store (local.get $w)
          (f32x4.sub (v128.load (local.get $w)) (f32x4.mul (local.get $alpha) (v128.load (local.get $dw)))))
        (local.set $w (i32.add (local.get $w) (i32.const 16)))
        (local.set $dw (i32.add (local.get $dw) (i32.const 16)))
        (br $vector))))

  ;; Momentum: v := β v + (1 − β) dW; W := W − α v. `rest` is 1 − β.
  (func (export "momentum")
    (param $w i32) (param $dw i32) (param $v i32) (param $n i32)
    (param $beta f32) (param $rest f32) (param $lr f32)
    (local $end i32) (local $keep v128) (local $add v128) (local $alpha v128) (local $velocity v128)
    (local.set $keep (f32x4.splat (local.get $beta)))
    (local.set $add (f32x4.splat (local.get $rest)))
    (local.set $alpha (f32x4.splat (local.get $lr)))
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $w) (local.get $end)))
        (local.set $velocity
          (f32x4.add (f32x4.mul (local.get $keep) (v128.load (local.get $v)))
            (f32x4.mul (local.get $add) (v128.load (local.get $dw)))))
        (v128.store (local.get $v) (local.get $velocity))
        (v128.store (local.get $w)
          (f32x4.sub (v128.load (local.get $w)) (f32x4.mul (local.get $alpha) (local.get $velocity))))
        (local.set $w (i32.add (local.get $w) (i32.const 16)))
        (local.set $dw (i32.add (local.get $dw) (i32.const 16)))
        (local.set $v (i32.add (local.get $v) (i32.const 16)))
        (br $vector))))

  ;; RMSprop: s := β₂ s + (1 − β₂) dW·dW; W := W − α dW / √(s + ε). `rest` is 1 − β₂.
  (func (export "rmsprop")
    (param $w i32) (param $dw i32) (param $s i32) (param $n i32)
    (param $beta2 f32) (param $rest f32) (param $epsilon f32) (param $lr f32)
    (local $end i32) (local $keep v128) (local $add v128) (local $eps v128) (local $alpha v128)
    (local $g v128) (local $square v128)
    (local.set $keep (f32x4.splat (local.get $beta2)))
    (local.set $add (f32x4.splat (local.get $rest)))
    (local.set $eps (f32x4.splat (local.get $epsilon)))
    (local.set $alpha (f32x4.splat (local.get $lr)))
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $w) (local.get $end)))
        (local.set $g (v128.load (local.get $dw)))
        (local.set $square
          (f32x4.add (f32x4.mul (local.get $keep) (v128.load (local.get $s)))
            (f32x4.mul (f32x4.mul (local.get $add) (local.get $g)) (local.get $g))))
        (v128.store (local.get $s) (local.get $square))
        (v128.store (local.get $w)
          (f32x4.sub (v128.load (local.get $w))
            (f32x4.div (f32x4.mul (local.get $alpha) (local.get $g))
              (f32x4.sqrt (f32x4.add (local.get $square) (local.get $eps))))))
        (local.set $w (i32.add (local.get $w) (i32.const 16)))
        (local.set $dw (i32.add (local.get $dw) (i32.const 16)))
        (local.set $s (i32.add (local.get $s) (i32.const 16)))
        (br $vector))))

  ;; Adam: v := β₁ v + (1 − β₁) dW; s := β₂ s + (1 − β₂) dW·dW; W := W − α (v/c₁) / √(s/c₂ + ε),
  ;; with the bias corrections c₁ = 1 − β₁ᵗ, c₂ = 1 − β₂ᵗ. `rest1`, `rest2` are 1 − β₁, 1 − β₂.
  (func (export "adam")
    (param $w i32) (param $dw i32) (param $v i32) (param $s i32) (param $n i32)
    (param $beta1 f32) (param $rest1 f32) (param $beta2 f32) (param $rest2 f32) (param $epsilon f32)
    (param $lr f32) (param $c1 f32) (param $c2 f32)
    (local $end i32) (local $keep1 v128) (local $add1 v128) (local $keep2 v128) (local $add2 v128)
    (local $eps v128) (local $alpha v128) (local $correct1 v128) (local $correct2 v128)
    (local $g v128) (local $velocity v128) (local $square v128)
    (local.set $keep1 (f32x4.splat (local.get $beta1)))
    (local.set $add1 (f32x4.splat (local.get $rest1)))
    (local.set $keep2 (f32x4.splat (local.get $beta2)))
    (local.set $add2 (f32x4.splat (local.get $rest2)))
    (local.set $eps (f32x4.splat (local.get $epsilon)))
    (local.set $alpha (f32x4.splat (local.get $lr)))
    (local.set $correct1 (f32x4.splat (local.get $c1)))
    (local.set $correct2 (f32x4.splat (local.get $c2)))
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $w) (local.get $end)))
        (local.set $g (v128.load (local.get $dw)))
        (local.set $velocity
          (f32x4.add (f32x4.mul (local.get $keep1) (v128.load (local.get $v)))
            (f32x4.mul (local.get $add1) (local.get $g))))
        (local.set $square
          (f32x4.add (f32x4.mul (local.get $keep2) (v128.load (local.get $s)))
            (f32x4.mul (f32x4.mul (local.get $add2) (local.get $g)) (local.get $g))))
        (v128.store (local.get $v) (local.get $velocity))
        (v128.store (local.get $s) (local.get $square))
        (v128.store (local.get $w)
          (f32x4.sub (v128.load (local.get $w))
            (f32x4.div (f32x4.mul (local.get $alpha) (f32x4.div (local.get $velocity) (local.get $correct1)))
              (f32x4.sqrt
                (f32x4.add (f32x4.div (local.get $square) (local.get $correct2)) (local.get $eps))))))
        (local.set $w (i32.add (local.get $w) (i32.const 16)))
        (local.set $dw (i32.add (local.get $dw) (i32.const 16)))
        (local.set $v (i32.add (local.get $v) (i32.const 16)))
        (local.set $s (i32.add (local.get $s) (i32.const 16)))
        (br $vector))))
;; BatchNorm: xHat := (x − μ)/σ, out := γ·xHat + β, over `cells` rows of c channels (c a multiple
  ;; of 4) with μ, σ = √(σ² + ε), γ, β vectors of c. Example: [64×32] → [64×32]. Its operands are
  ;; float32 values and the JS form rounds each step to float32 too, so the two agree to the bit.
  (func (export "batchNormForward")
    (param $x i32) (param $mean i32) (param $std i32) (param $gamma i32) (param $beta i32)
    (param $xHat i32) (param $out i32) (param $cells i32) (param $c i32)
    (local $rowBytes i32) (local $j i32) (local $h v128)
    (local.set $rowBytes (i32.shl (local.get $c) (i32.const 2)))
    (block $done
      (loop $cell
        (br_if $done (i32.le_s (local.get $cells) (i32.const 0)))
        (local.set $j (i32.const 0))
        (loop $vector
          (local.set $h
            (f32x4.div
              (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $j)))
                (v128.load (i32.add (local.get $mean) (local.get $j))))
              (v128.load (i32.add (local.get $std) (local.get $j)))))
          (v128.store (i32.add (local.get $xHat) (local.get $j)) (local.get $h))
          (v128.store (i32.add (local.get $out) (local.get $j))
            (f32x4.add (f32x4.mul (local.get $h) (v128.load (i32.add (local.get $gamma) (local.get $j))))
              (v128.load (i32.add (local.get $beta) (local.get $j)))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $vector (i32.lt_s (local.get $j) (local.get $rowBytes))))
        (local.set $x (i32.add (local.get $x) (local.get $rowBytes)))
        (local.set $xHat (i32.add (local.get $xHat) (local.get $rowBytes)))
        (local.set $out (i32.add (local.get $out) (local.get $rowBytes)))
        (local.set $cells (i32.sub (local.get $cells) (i32.const 1)))
        (br $cell))))

  ;; BatchNorm's input gradient: dx := scale·((N·d − Σd) − xHat·Σd·xHat) with N = cells and, per
  ;; channel, scale = γ/(N·σ), Σd and Σd·xHat (vectors of c, c a multiple of 4). Example:
  ;; d [64×32], xHat [64×32] → dx [64×32].
  (func (export "batchNormBackward")
    (param $d i32) (param $xHat i32) (param $scale i32) (param $sumD i32) (param $sumDxHat i32)
    (param $dx i32) (param $cells i32) (param $c i32)
    (local $rowBytes i32) (local $j i32) (local $n v128)
    (local.set $rowBytes (i32.shl (local.get $c) (i32.const 2)))
    (local.set $n (f32x4.splat (f32.convert_i32_s (local.get $cells))))
    (block $done
      (loop $cell
        (br_if $done (i32.le_s (local.get $cells) (i32.const 0)))
        (local.set $j (i32.const 0))
        (loop $vector
          (v128.store (i32.add (local.get $dx) (local.get $j))
            (f32x4.mul (v128.load (i32.add (local.get $scale) (local.get $j)))
              (f32x4.sub
                (f32x4.sub (f32x4.mul (local.get $n) (v128.load (i32.add (local.get $d) (local.get $j))))
                  (v128.load (i32.add (local.get $sumD) (local.get $j))))
                (f32x4.mul (v128.load (i32.add (local.get $xHat) (local.get $j)))
                  (v128.load (i32.add (local.get $sumDxHat) (local.get $j)))))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $vector (i32.lt_s (local.get $j) (local.get $rowBytes))))
        (local.set $d (i32.add (local.get $d) (local.get $rowBytes)))
        (local.set $xHat (i32.add (local.get $xHat) (local.get $rowBytes)))
        (local.set $dx (i32.add (local.get $dx) (local.get $rowBytes)))
        (local.set $cells (i32.sub (local.get $cells) (i32.const 1)))
        (br $cell))))
;; ReLU: out := max(z, 0) (NaN stays NaN, −0 becomes 0, as Math.max). z and out may be one buffer.
  ;; Example: Z [128×256] → A [128×256], n = 32768.
  (func (export "relu") (param $z i32) (param $out i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $z) (local.get $end)))
        (v128.store (local.get $out) (f32x4.max (v128.load (local.get $z)) (v128.const i32x4 0 0 0 0)))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $vector))))

  ;; ReLU's backward: d := d where a > 0, else 0 (a = ReLU(z) is positive exactly where z is).
  (func (export "reluBackward") (param $a i32) (param $d i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (v128.store (local.get $d)
          (v128.and (v128.load (local.get $d)) (f32x4.gt (v128.load (local.get $a)) (v128.const i32x4 0 0 0 0))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (br $vector))))

;; Two float64 pairs rounded to float32 and joined: [low₀, low₁, high₀, high₁].
  (func $narrow (param $low v128) (param $high v128) (result v128)
    (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
      (f32x4.demote_f64x2_zero (local.get $low)) (f32x4.demote_f64x2_zero (local.get $high))))

  ;; α·x for float32 x and a float64 α, rounded once to float32 (as JS stores α·x). Here and below,
  ;; promote_low widens lanes 0 and 1; the shuffle 8…15 0…7 first moves lanes 2 and 3 there.
  (func $scale (param $x v128) (param $alpha v128) (result v128)
    (call $narrow (f64x2.mul (f64x2.promote_low_f32x4 (local.get $x)) (local.get $alpha))
      (f64x2.mul
        (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))) (local.get $alpha))))

  ;; Leaky ReLU: out := z where z > 0, else α·z. z and out may be one buffer.
  (func (export "leakyRelu") (param $z i32) (param $out i32) (param $n i32) (param $slope f64)
    (local $end i32) (local $alpha v128) (local $x v128)
    (local.set $alpha (f64x2.splat (local.get $slope)))
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $z) (local.get $end)))
        (local.set $x (v128.load (local.get $z)))
        (v128.store (local.get $out)
          (v128.bitselect (local.get $x) (call $scale (local.get $x) (local.get $alpha))
            (f32x4.gt (local.get $x) (v128.const i32x4 0 0 0 0))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $vector))))

  ;; Leaky ReLU's backward: d := d where a > 0, else α·d.
  (func (export "leakyReluBackward") (param $a i32) (param $d i32) (param $n i32) (param $slope f64)
    (local $end i32) (local $alpha v128) (local $g v128)
    (local.set $alpha (f64x2.splat (local.get $slope)))
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $g (v128.load (local.get $d)))
        (v128.store (local.get $d)
          (v128.bitselect (local.get $g) (call $scale (local.get $g) (local.get $alpha))
            (f32x4.gt (v128.load (local.get $a)) (v128.const i32x4 0 0 0 0))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (br $vector))))
;; BatchNorm's batch statistics over `cells` rows of c channels (c a multiple of 4): per channel
  ;; μ = Σx/N, then σ² = Σ(x − μ)²/N with x − μ rounded to float32, each sum in float64 down the rows
  ;; (the JS loop's order), divided in float64 and rounded to float32: the JS loop's values to the
  ;; bit. Example: x [64×32] → μ [32], σ² [32].
  (func (export "batchNormMoments")
    (param $x i32) (param $cells i32) (param $c i32) (param $mean i32) (param $variance i32)
    (local $rowBytes i32) (local $j i32) (local $at i32) (local $left i32)
    (local $n v128) (local $v v128) (local $m v128) (local $low v128) (local $high v128) (local $wide v128)
    (local.set $rowBytes (i32.shl (local.get $c) (i32.const 2)))
    (local.set $n (f64x2.splat (f64.convert_i32_s (local.get $cells))))
    (loop $channels ;; j: the byte offset of 4 channels in a row
      (local.set $low (local.tee $high (v128.const i64x2 0 0)))
      (local.set $at (i32.add (local.get $x) (local.get $j)))
      (local.set $left (local.get $cells))
      (block $sumDone
        (loop $sum
          (br_if $sumDone (i32.le_s (local.get $left) (i32.const 0)))
          (local.set $v (v128.load (local.get $at)))
          (local.set $low (f64x2.add (local.get $low) (f64x2.promote_low_f32x4 (local.get $v))))
          (local.set $high (f64x2.add (local.get $high)
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
          (local.set $at (i32.add (local.get $at) (local.get $rowBytes)))
          (local.set $left (i32.sub (local.get $left) (i32.const 1)))
          (br $sum)))
      (local.set $m
        (call $narrow (f64x2.div (local.get $low) (local.get $n)) (f64x2.div (local.get $high) (local.get $n))))
      (v128.store (i32.add (local.get $mean) (local.get $j)) (local.get $m))
      (local.set $low (local.tee $high (v128.const i64x2 0 0)))
      (local.set $at (i32.add (local.get $x) (local.get $j)))
      (local.set $left (local.get $cells))
      (block $squaresDone
        (loop $squares
          (br_if $squaresDone (i32.le_s (local.get $left) (i32.const 0)))
          (local.set $v (f32x4.sub (v128.load (local.get $at)) (local.get $m)))
          (local.set $wide (f64x2.promote_low_f32x4 (local.get $v)))
          (local.set $low (f64x2.add (local.get $low) (f64x2.mul (local.get $wide) (local.get $wide))))
          (local.set $wide
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
          (local.set $high (f64x2.add (local.get $high) (f64x2.mul (local.get $wide) (local.get $wide))))
          (local.set $at (i32.add (local.get $at) (local.get $rowBytes)))
          (local.set $left (i32.sub (local.get $left) (i32.const 1)))
          (br $squares)))
      (v128.store (i32.add (local.get $variance) (local.get $j))
        (call $narrow (f64x2.div (local.get $low) (local.get $n)) (f64x2.div (local.get $high) (local.get $n))))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br_if $channels (i32.lt_s (local.get $j) (local.get $rowBytes)))))

  ;; BatchNorm's parameter gradients: per channel Σd (dβ) and Σd·xHat (dγ) over `cells` rows of c
  ;; channels (c a multiple of 4), summed in float64 down the rows and rounded to float32, as the JS
  ;; loop: its values to the bit (a product of two float32 values is exact in float64).
  (func (export "batchNormSums")
    (param $d i32) (param $xHat i32) (param $cells i32) (param $c i32) (param $sumD i32) (param $sumDxHat i32)
    (local $rowBytes i32) (local $j i32) (local $at i32) (local $left i32) (local $g v128) (local $h v128)
    (local $dLow v128) (local $dHigh v128) (local $hLow v128) (local $hHigh v128) (local $wide v128)
    (local.set $rowBytes (i32.shl (local.get $c) (i32.const 2)))
    (loop $channels
      (local.set $dLow (local.tee $dHigh (local.tee $hLow (local.tee $hHigh (v128.const i64x2 0 0)))))
      (local.set $at (local.get $j))
      (local.set $left (local.get $cells))
      (block $sumDone
        (loop $sum
          (br_if $sumDone (i32.le_s (local.get $left) (i32.const 0)))
          (local.set $g (v128.load (i32.add (local.get $d) (local.get $at))))
          (local.set $h (v128.load (i32.add (local.get $xHat) (local.get $at))))
          (local.set $wide (f64x2.promote_low_f32x4 (local.get $g)))
          (local.set $dLow (f64x2.add (local.get $dLow) (local.get $wide)))
          (local.set $hLow (f64x2.add (local.get $hLow) (f64x2.mul (local.get $wide) (f64x2.promote_low_f32x4 (local.get $h)))))
          (local.set $wide
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $g) (local.get $g))))
          (local.set $dHigh (f64x2.add (local.get $dHigh) (local.get $wide)))
          (local.set $hHigh (f64x2.add (local.get $hHigh) (f64x2.mul (local.get $wide)
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $h) (local.get $h))))))
          (local.set $at (i32.add (local.get $at) (local.get $rowBytes)))
          (local.set $left (i32.sub (local.get $left) (i32.const 1)))
          (br $sum)))
      (v128.store (i32.add (local.get $sumD) (local.get $j)) (call $narrow (local.get $dLow) (local.get $dHigh)))
      (v128.store (i32.add (local.get $sumDxHat) (local.get $j)) (call $narrow (local.get $hLow) (local.get $hHigh)))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br_if $channels (i32.lt_s (local.get $j) (local.get $rowBytes)))))
)
