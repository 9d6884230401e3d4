import { encodeModule, F32, FunctionBody, I32, type MemoryImport, Op, Simd, V128 } from './encoder.js';

/**
 * The fast executor's three matrix products as WebAssembly SIMD, generated at runtime. All operands
 * are row-major float32 at byte addresses in one memory. Each product is cut into register blocks
 * whose accumulators stay in v128 registers for the whole reduction; rows and columns that do not
 * fill a block go through the same code with a narrower block (one row, one vector, one scalar).
 *
 *   gemm(a, aRow, aStep, b, bias, c, M, K, N): C[M×N] = A·B (+ bias), A(i, p) at a + i·aRow + p·aStep,
 *     B [K×N]; bias 0 for none. aRow = 4K, aStep = 4 is A·B; aRow = 4, aStep = 4M is Aᵀ·B.
 *   dots(d, b, c, M, K, N): C[M×K] = D·Bᵀ with D [M×N], B [K×N]: dot products of rows.
 */

/**
 * Register blocks. gemm: C rows × v128 columns, each step a splat of A times a row of B; dots: rows
 * of D × rows of B, summed 4 lanes at a time. x64 has 16 XMM registers: 4 × 2 accumulators leave room
 * for the operands, while 12 or more spill (measured: 60 against 33 GFLOP/s at 128×784×256).
 */
export interface Blocking {
  gemmRows: number;
  gemmVectors: number;
  dotRows: number;
  dotCols: number;
}

export const DEFAULT_BLOCKING: Blocking = { gemmRows: 4, gemmVectors: 2, dotRows: 4, dotCols: 2 };

const ALIGN = 2; // 4-byte alignment hint: rows of odd widths are not 16-byte aligned.

/** Loads (v128 or f32) from the address on the stack plus `offset`. */
const load = (f: FunctionBody, vector: boolean, offset = 0) =>
  vector ? f.memarg(Simd.v128Load, ALIGN, offset, true) : f.memarg(Op.f32Load, ALIGN, offset, false);
const store = (f: FunctionBody, vector: boolean, offset = 0) =>
  vector ? f.memarg(Simd.v128Store, ALIGN, offset, true) : f.memarg(Op.f32Store, ALIGN, offset, false);
const add = (f: FunctionBody, vector: boolean) => (vector ? f.simd(Simd.f32x4Add) : f.op(Op.f32Add));
const mul = (f: FunctionBody, vector: boolean) => (vector ? f.simd(Simd.f32x4Mul) : f.op(Op.f32Mul));

/** `count` locals set to 0 (v128 or f32). */
function zeros(f: FunctionBody, count: number, vector: boolean): number[] {
  const out = Array.from({ length: count }, () => f.local(vector ? V128 : F32));
  f.op(Op.f32Const, 0, 0, 0, 0);
  if (vector) f.simd(Simd.f32x4Splat);
  for (const x of out.slice(1)) f.tee(x);
  f.set(out[0] as number);
  return out;
}

/** `count` pointers: base + index·stride (+ offset bytes), then each one `stride` past the last. */
function pointers(
  f: FunctionBody,
  count: number,
  base: number,
  index: number,
  stride: number,
  offset?: number,
) {
  const first = f.local(I32);
  f.get(index).get(stride).op(Op.i32Mul).get(base).op(Op.i32Add);
  if (offset !== undefined) f.get(offset).op(Op.i32Add);
  f.set(first);
  const out = [first];
  for (let r = 1; r < count; r++) {
    const next = f.local(I32);
    f.get(out[r - 1] as number)
      .get(stride)
      .op(Op.i32Add)
      .set(next);
    out.push(next);
  }
  return out;
}

function gemm(blocking: Blocking): FunctionBody {
  const f = new FunctionBody([I32, I32, I32, I32, I32, I32, I32, I32, I32]);
  const [a, aRow, aStep, b, bias, c, M, K, N] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const i = f.local(I32);
  const j = f.local(I32);
  const rowBytes = f.local(I32);
  const jBytes = f.local(I32);
  f.get(N).i32(2).op(Op.i32Shl).set(rowBytes);

  /** C[i .. i+rows, j .. j+width]: `vectors` v128 columns, or one scalar column when 0. */
  const block = (rows: number, vectors: number) =>
    f.scope(() => {
      const vector = vectors > 0;
      const lanes = Math.max(vectors, 1);
      const aPtr = pointers(f, rows, a, i, aRow);
      const acc = zeros(f, rows * lanes, vector);
      const bLane = Array.from({ length: lanes }, () => f.local(vector ? V128 : F32));
      const aValue = f.local(vector ? V128 : F32);
      const bPtr = f.local(I32);
      f.get(b).get(jBytes).op(Op.i32Add).set(bPtr);
      const pOff = f.local(I32);
      const count = f.local(I32);
      f.i32(0).set(pOff).get(K).set(count);
      f.get(K).i32(0).op(Op.i32GtS);
      f.when(() =>
        f.repeat(count, () => {
          for (const [v, x] of bLane.entries()) load(f.get(bPtr), vector, 16 * v).set(x);
          for (const [r, ptr] of aPtr.entries()) {
            f.get(ptr).get(pOff).op(Op.i32Add);
            if (vector) f.memarg(Simd.v128Load32Splat, ALIGN, 0, true);
            else load(f, false);
            f.set(aValue);
            for (const [v, x] of bLane.entries()) {
              const sum = acc[r * lanes + v] as number;
              add(mul(f.get(sum).get(aValue).get(x), vector), vector).set(sum);
            }
          }
          f.increment(pOff, aStep).increment(bPtr, rowBytes);
        }),
      );
      f.get(bias);
      f.when(() => {
        for (const [v, x] of bLane.entries()) {
          load(f.get(bias).get(jBytes).op(Op.i32Add), vector, 16 * v).set(x);
          for (let r = 0; r < rows; r++) {
            const sum = acc[r * lanes + v] as number;
            add(f.get(sum).get(x), vector).set(sum);
          }
        }
      });
      const cPtr = pointers(f, rows, c, i, rowBytes, jBytes);
      for (const [r, ptr] of cPtr.entries()) {
        for (let v = 0; v < lanes; v++) store(f.get(ptr).get(acc[r * lanes + v] as number), vector, 16 * v);
      }
    });

  const rowsOf = (vectors: number) => {
    f.get(j).i32(2).op(Op.i32Shl).set(jBytes);
    f.i32(0).set(i);
    f.loopWhileFits(i, blocking.gemmRows, M, () => block(blocking.gemmRows, vectors));
    f.loopWhileFits(i, 1, M, () => block(1, vectors));
  };
  f.i32(0).set(j);
  f.loopWhileFits(j, 4 * blocking.gemmVectors, N, () => rowsOf(blocking.gemmVectors));
  if (blocking.gemmVectors > 1) f.loopWhileFits(j, 4, N, () => rowsOf(1));
  f.loopWhileFits(j, 1, N, () => rowsOf(0));
  return f;
}

function dots(blocking: Blocking): FunctionBody {
  const f = new FunctionBody([I32, I32, I32, I32, I32, I32]);
  const [d, b, c, M, K, N] = [0, 1, 2, 3, 4, 5];
  const i = f.local(I32);
  const p = f.local(I32);
  const rowBytes = f.local(I32);
  const outBytes = f.local(I32);
  const pBytes = f.local(I32);
  f.get(N).i32(2).op(Op.i32Shl).set(rowBytes);
  f.get(K).i32(2).op(Op.i32Shl).set(outBytes);

  /** C[i .. i+rows, p .. p+cols]. */
  const block = (rows: number, cols: number) =>
    f.scope(() => {
      const dPtr = pointers(f, rows, d, i, rowBytes);
      const bPtr = pointers(f, cols, b, p, rowBytes);
      const acc = zeros(f, rows * cols, true);
      const jOff = f.local(I32);
      const sweep = (vector: boolean, sums: number[]) =>
        f.scope(() => {
          const dValue = Array.from({ length: rows }, () => f.local(vector ? V128 : F32));
          const bValue = f.local(vector ? V128 : F32);
          f.loopWhileFits(jOff, vector ? 16 : 4, rowBytes, () => {
            for (const [r, ptr] of dPtr.entries())
              load(f.get(ptr).get(jOff).op(Op.i32Add), vector).set(dValue[r] as number);
            for (const [q, ptr] of bPtr.entries()) {
              load(f.get(ptr).get(jOff).op(Op.i32Add), vector).set(bValue);
              for (const [r, x] of dValue.entries()) {
                const sum = sums[r * cols + q] as number;
                add(mul(f.get(sum).get(x).get(bValue), vector), vector).set(sum);
              }
            }
          });
        });
      f.i32(0).set(jOff);
      sweep(true, acc);
      const sums = acc.map((x) => {
        // Horizontal sum (x0 + x1) + (x2 + x3), then the columns past the last whole vector.
        const s = f.local(F32);
        const lane = (l: number) => f.get(x).simd(Simd.f32x4ExtractLane, l);
        lane(0);
        lane(1);
        f.op(Op.f32Add);
        lane(2);
        lane(3);
        f.op(Op.f32Add, Op.f32Add).set(s);
        return s;
      });
      sweep(false, sums);
      const cPtr = pointers(f, rows, c, i, outBytes, pBytes);
      for (const [r, ptr] of cPtr.entries()) {
        for (let q = 0; q < cols; q++) store(f.get(ptr).get(sums[r * cols + q] as number), false, 4 * q);
      }
    });

  const colsOf = (rows: number) => {
    f.i32(0).set(p);
    const step = (cols: number) =>
      f.loopWhileFits(p, cols, K, () => {
        f.get(p).i32(2).op(Op.i32Shl).set(pBytes);
        block(rows, cols);
      });
    step(blocking.dotCols);
    if (blocking.dotCols > 1) step(1);
  };
  f.i32(0).set(i);
  f.loopWhileFits(i, blocking.dotRows, M, () => colsOf(blocking.dotRows));
  if (blocking.dotRows > 1) f.loopWhileFits(i, 1, M, () => colsOf(1));
  return f;
}

/** The kernel module's bytes: exports `gemm` and `dots` (see above), importing env.memory. */
export function kernelModule(
  memory: MemoryImport,
  blocking: Blocking = DEFAULT_BLOCKING,
): Uint8Array<ArrayBuffer> {
  return encodeModule(memory, [
    { name: 'gemm', body: gemm(blocking) },
    { name: 'dots', body: dots(blocking) },
  ]);
}
