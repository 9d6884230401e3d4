/**
 * A minimal WebAssembly binary encoder: just what the fast executor's kernels need (one imported
 * memory, functions over i32/f32/v128 locals, structured loops, loads and stores, stable SIMD).
 * Binary format: https://webassembly.github.io/spec/core/binary/ ; SIMD opcodes follow the 0xFD prefix.
 */

/** Value types: i32, f32, v128. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F32 | typeof V128;

/** Single-byte opcodes used by the kernels. */
export const Op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  drop: 0x1a,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f32Load: 0x2a,
  f32Store: 0x38,
  i32Const: 0x41,
  f32Const: 0x43,
  i32Eqz: 0x45,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  f32Add: 0x92,
  f32Mul: 0x94,
} as const;

/** SIMD opcodes (after the 0xFD prefix, LEB128-encoded). */
export const Simd = {
  v128Load: 0x00,
  v128Load32Splat: 0x09,
  v128Store: 0x0b,
  f32x4Splat: 0x13,
  f32x4ExtractLane: 0x1f,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
} as const;

/** Unsigned LEB128. */
export function unsigned(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function signed(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const utf8 = (s: string): number[] => {
  const bytes: number[] = [];
  for (const ch of s) bytes.push(ch.charCodeAt(0) & 0x7f);
  return [...unsigned(bytes.length), ...bytes];
};
const vector = (items: number[][]): number[] => [...unsigned(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...unsigned(body.length), ...body];

/**
 * The code of one function: a stack of opcodes, with `local` handing out indices after the params.
 * Loads and stores take a byte offset added to the address on the stack.
 */
export class FunctionBody {
  readonly code: number[] = [];
  private readonly locals: ValueType[] = [];
  /** Locals released by `scope`, free for reuse. */
  private readonly free: number[] = [];
  private taken: number[] | null = null;

  constructor(readonly params: readonly ValueType[]) {}

  /** A local of `type` (a released one when there is one); its index. */
  local(type: ValueType): number {
    const reuse = this.free.findIndex((index) => this.locals[index - this.params.length] === type);
    const index =
      reuse >= 0 ? (this.free.splice(reuse, 1)[0] as number) : this.params.length + this.locals.length;
    if (reuse < 0) this.locals.push(type);
    this.taken?.push(index);
    return index;
  }

  /** Emits `body`; the locals it takes are free for reuse after it. */
  scope(body: () => void): this {
    const outer = this.taken;
    this.taken = [];
    body();
    this.free.push(...this.taken);
    this.taken = outer;
    return this;
  }

  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  simd(opcode: number, ...immediates: number[]): this {
    return this.op(0xfd, ...unsigned(opcode), ...immediates);
  }

  get(index: number): this {
    return this.op(Op.localGet, ...unsigned(index));
  }

  set(index: number): this {
    return this.op(Op.localSet, ...unsigned(index));
  }

  tee(index: number): this {
    return this.op(Op.localTee, ...unsigned(index));
  }

  i32(value: number): this {
    return this.op(Op.i32Const, ...signed(value));
  }

  /** Memory access immediates: alignment (log2 bytes) and a constant byte offset. */
  memarg(opcode: number, align: number, offset: number, simd: boolean): this {
    const args = [...unsigned(align), ...unsigned(offset)];
    return simd ? this.simd(opcode, ...args) : this.op(opcode, ...args);
  }

  /** `target := target + step` (i32). */
  increment(target: number, step: number): this {
    return this.get(target).get(step).op(Op.i32Add).set(target);
  }

  /**
   * `while (counter + width <= limit) { body(); counter += width }`, counter and limit i32 locals.
   * Runs the body zero times when the range is empty.
   */
  loopWhileFits(counter: number, width: number, limit: number, body: () => void): this {
    const overflows = () => this.get(counter).i32(width).op(Op.i32Add).get(limit).op(Op.i32GtS);
    this.op(Op.block, 0x40);
    overflows().op(Op.brIf, 0);
    this.op(Op.loop, 0x40);
    body();
    this.get(counter).i32(width).op(Op.i32Add).set(counter);
    overflows().op(Op.i32Eqz).op(Op.brIf, 0);
    this.op(Op.end, Op.end);
    return this;
  }

  /** `do { body() } while (--counter > 0)`, counter an i32 local known to be positive. */
  repeat(counter: number, body: () => void): this {
    this.op(Op.loop, 0x40);
    body();
    this.get(counter).i32(1).op(Op.i32Sub).set(counter);
    this.get(counter).i32(0).op(Op.i32GtS).op(Op.brIf, 0);
    return this.op(Op.end);
  }

  /** `if (cond on the stack) { body() }`. */
  when(body: () => void): this {
    this.op(Op.if, 0x40);
    body();
    return this.op(Op.end);
  }

  encode(): number[] {
    const groups: number[][] = [];
    let run = 0;
    for (const [i, type] of this.locals.entries()) {
      run++;
      if (this.locals[i + 1] !== type) {
        groups.push([...unsigned(run), type]);
        run = 0;
      }
    }
    const body = [...vector(groups), ...this.code, Op.end];
    return [...unsigned(body.length), ...body];
  }
}

export interface ModuleFunction {
  name: string;
  body: FunctionBody;
}

/** How the module imports its memory ("env"."memory"): pages of 64 KiB; shared needs a maximum. */
export interface MemoryImport {
  minimumPages: number;
  maximumPages?: number;
  shared?: boolean;
}

/** A module that imports env.memory and exports `functions` (each with no results). */
export function encodeModule(
  memory: MemoryImport,
  functions: readonly ModuleFunction[],
): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vector(f.body.params.map((p) => [p])), 0]);
  const limits =
    memory.maximumPages === undefined
      ? [0x00, ...unsigned(memory.minimumPages)]
      : [memory.shared ? 0x03 : 0x01, ...unsigned(memory.minimumPages), ...unsigned(memory.maximumPages)];
  const imports = vector([[...utf8('env'), ...utf8('memory'), 0x02, ...limits]]);
  const declarations = vector(functions.map((_, i) => unsigned(i)));
  const exports = vector(functions.map((f, i) => [...utf8(f.name), 0x00, ...unsigned(i)]));
  const code = vector(functions.map((f) => f.body.encode()));
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, declarations),
    ...section(7, exports),
    ...section(10, code),
  ]);
}
