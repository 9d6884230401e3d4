/**
 * Two threads on one product: the calling thread posts the product as a job in the first bytes of a
 * shared WebAssembly.Memory, and it and a helper thread (a Node worker_threads Worker or a Web
 * Worker, started by the platform) take chunks of C's rows from a shared counter until none is left.
 * A helper that is slow to wake (or descheduled on a busy machine) takes fewer chunks, or none: the
 * caller then waits at most for the chunk in the helper's hands, or not at all.
 */

/** The kernel module's exports (byte addresses into the memory). */
export interface KernelExports {
  gemm(
    a: number,
    aRow: number,
    aStep: number,
    b: number,
    bias: number,
    c: number,
    m: number,
    k: number,
    n: number,
  ): void;
  dots(d: number, b: number, c: number, m: number, k: number, n: number): void;
}

/**
 * Starts the helper thread: it must call `serveKernelJobs(module, memory)` there (the module and a
 * shared memory can be posted to a worker). Returns nothing; the platform ends the worker.
 */
export type SpawnKernelHelper = (module: WebAssembly.Module, memory: WebAssembly.Memory) => void;

/** Int32 words of the job block (its 64 bytes are never handed out as buffers). */
const POSTED = 0; // sequence number of the last posted job
const JOINED = 1; // sequence number of the last job the helper joined, or the caller closed to it
const LEFT = 2; // sequence number of the last job the helper has left
const NEXT = 3; // the next chunk to take
const CHUNKS = 4; // chunks of the job
const CHUNK_ROWS = 5; // rows of C in each chunk (the last one may have fewer)
const FN = 6; // GEMM or DOTS
const ARGS = 7; // the product's arguments (dots uses six)
export const JOB_BLOCK_BYTES = 4 * (ARGS + 9);

export const GEMM = 0;
export const DOTS = 1;

/** Spins before sleeping: during an update the next product follows within microseconds. */
const SPINS = 20000;
/**
 * A wait longer than a chunk of the largest product (about 0.12 ms) means the helper lost its core
 * to another process mid-chunk: the next ALONE_JOBS products (a fraction of a second of training)
 * then run on the calling thread alone, so a busy machine costs one such wait now and then, not one
 * per product.
 */
const PREEMPTED_MS = 0.5;
const ALONE_JOBS = 256;

/** Takes chunks of the posted job until none is left. */
function work(exports: KernelExports, job: Int32Array): void {
  const chunks = job[CHUNKS] as number;
  const size = job[CHUNK_ROWS] as number;
  const a = (i: number) => job[ARGS + i] as number;
  for (let chunk = Atomics.add(job, NEXT, 1); chunk < chunks; chunk = Atomics.add(job, NEXT, 1)) {
    const first = chunk * size;
    if (job[FN] === GEMM) {
      // Rows [first, first + rows) of C: A's rows start aRow bytes apart, C's 4N.
      const rows = Math.min(size, a(6) - first);
      exports.gemm(a(0) + first * a(1), a(1), a(2), a(3), a(4), a(5) + first * 4 * a(8), rows, a(7), a(8));
    } else {
      const rows = Math.min(size, a(3) - first);
      exports.dots(a(0) + first * 4 * a(5), a(1), a(2) + first * 4 * a(4), rows, a(4), a(5));
    }
  }
}

/** The helper thread's loop: joins each posted job it is in time for, forever. */
export function serveKernelJobs(module: WebAssembly.Module, memory: WebAssembly.Memory): void {
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  const job = new Int32Array(memory.buffer, 0, JOB_BLOCK_BYTES / 4);
  let seen = 0;
  for (;;) {
    let spins = 0;
    while (Atomics.load(job, POSTED) === seen) {
      if (++spins > SPINS) {
        Atomics.wait(job, POSTED, seen);
        spins = 0;
      }
    }
    seen = Atomics.load(job, POSTED);
    // Too late when the caller has finished and closed the job: its words may already be the next one's.
    if (Atomics.compareExchange(job, JOINED, seen - 1, seen) !== seen - 1) continue;
    work(exports, job);
    Atomics.store(job, LEFT, seen);
  }
}

/** The calling thread's side of the job block. */
export class JobPoster {
  private readonly job: Int32Array;
  private sequence = 0;
  /** Jobs left to run on this thread alone, after the helper kept it waiting. */
  private alone = 0;

  constructor(
    memory: WebAssembly.Memory,
    private readonly exports: KernelExports,
  ) {
    this.job = new Int32Array(memory.buffer, 0, JOB_BLOCK_BYTES / 4);
  }

  /**
   * Runs fn(args) in about `chunks` chunks of C's rows (M is a6 for gemm, a3 for dots), shared with
   * the helper; returns whether the helper joined. dots ignores the last three arguments.
   */
  run(
    fn: number,
    chunks: number,
    a0: number,
    a1: number,
    a2: number,
    a3: number,
    a4: number,
    a5: number,
    a6 = 0,
    a7 = 0,
    a8 = 0,
  ): boolean {
    const job = this.job;
    const m = fn === GEMM ? a6 : a3;
    const size = 4 * Math.ceil(m / chunks / 4); // whole register blocks of 4 rows
    job[FN] = fn;
    job[CHUNK_ROWS] = size;
    job[CHUNKS] = Math.ceil(m / size);
    job[NEXT] = 0;
    job[ARGS] = a0;
    job[ARGS + 1] = a1;
    job[ARGS + 2] = a2;
    job[ARGS + 3] = a3;
    job[ARGS + 4] = a4;
    job[ARGS + 5] = a5;
    job[ARGS + 6] = a6;
    job[ARGS + 7] = a7;
    job[ARGS + 8] = a8;
    if (this.alone > 0) {
      // Not posted: this thread takes every chunk.
      this.alone--;
      work(this.exports, job);
      return false;
    }
    const s = ++this.sequence;
    Atomics.store(job, POSTED, s);
    Atomics.notify(job, POSTED, 1);
    work(this.exports, job);
    // Close the job to a helper that has not joined yet; else wait until it has left.
    if (Atomics.compareExchange(job, JOINED, s - 1, s) === s - 1) return false;
    const start = performance.now();
    while (Atomics.load(job, LEFT) !== s) {
      // the helper is finishing its last chunk
    }
    if (performance.now() - start > PREEMPTED_MS) this.alone = ALONE_JOBS;
    return true;
  }
}
