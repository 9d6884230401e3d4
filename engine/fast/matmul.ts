/**
 * The three products of a Dense layer on row-major Float32Arrays, with no allocation. Register
 * tiles (2 × 4 or 4 × 2) stream contiguous rows, so each load or store of a row serves several
 * multiply-adds: V8 does not vectorize, and these loops are what bounds the wide MLP. Sums run in
 * float64 registers and are stored as float32.
 */

/** One row of C = A·B (+ C's current row): c[co..] += Σ_{p ≥ from} a[ao + p] B[p, :]. */
function rowTimes(
  a: Float32Array,
  ao: number,
  b: Float32Array,
  c: Float32Array,
  co: number,
  from: number,
  k: number,
  n: number,
): void {
  for (let p = from; p < k; p++) {
    const ap = a[ao + p] as number;
    if (ap === 0) continue;
    const bo = p * n;
    for (let j = 0; j < n; j++) c[co + j] = (c[co + j] as number) + ap * (b[bo + j] as number);
  }
}

/** C[m×n] = A[m×k] · B[k×n] + bias (bias null: 0). Groups of A that are all 0 (ReLU) are skipped. */
export function matmulBias(
  a: Float32Array,
  b: Float32Array,
  bias: Float32Array | null,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
): void {
  for (let i = 0; i < m; i++) {
    const co = i * n;
    if (bias) for (let j = 0; j < n; j++) c[co + j] = bias[j] as number;
    else c.fill(0, co, co + n);
  }
  const k4 = k - (k % 4);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const c0 = i * n;
    const c1 = c0 + n;
    const x = i * k;
    const y = x + k;
    for (let p = 0; p < k4; p += 4) {
      const x0 = a[x + p] as number;
      const x1 = a[x + p + 1] as number;
      const x2 = a[x + p + 2] as number;
      const x3 = a[x + p + 3] as number;
      const y0 = a[y + p] as number;
      const y1 = a[y + p + 1] as number;
      const y2 = a[y + p + 2] as number;
      const y3 = a[y + p + 3] as number;
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0 && y0 === 0 && y1 === 0 && y2 === 0 && y3 === 0)
        continue;
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const v0 = b[b0 + j] as number;
        const v1 = b[b1 + j] as number;
        const v2 = b[b2 + j] as number;
        const v3 = b[b3 + j] as number;
        c[c0 + j] = (c[c0 + j] as number) + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
        c[c1 + j] = (c[c1 + j] as number) + y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
      }
    }
    if (k4 < k) {
      rowTimes(a, x, b, c, c0, k4, k, n);
      rowTimes(a, y, b, c, c1, k4, k, n);
    }
  }
  if (i < m) rowTimes(a, i * k, b, c, i * n, 0, k, n);
}

/** C[k×n] = Aᵀ · D with A [m×k], D [m×n] (dW = A_prevᵀ dZ); C is overwritten. */
export function matmulTransA(
  a: Float32Array,
  d: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
): void {
  c.fill(0, 0, k * n);
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const d0 = i * n;
    const d1 = d0 + n;
    const d2 = d1 + n;
    const d3 = d2 + n;
    const r0 = i * k;
    const r1 = r0 + k;
    const r2 = r1 + k;
    const r3 = r2 + k;
    let p = 0;
    for (; p + 1 < k; p += 2) {
      const x0 = a[r0 + p] as number;
      const x1 = a[r1 + p] as number;
      const x2 = a[r2 + p] as number;
      const x3 = a[r3 + p] as number;
      const y0 = a[r0 + p + 1] as number;
      const y1 = a[r1 + p + 1] as number;
      const y2 = a[r2 + p + 1] as number;
      const y3 = a[r3 + p + 1] as number;
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0 && y0 === 0 && y1 === 0 && y2 === 0 && y3 === 0)
        continue;
      const cx = p * n;
      const cy = cx + n;
      for (let j = 0; j < n; j++) {
        const v0 = d[d0 + j] as number;
        const v1 = d[d1 + j] as number;
        const v2 = d[d2 + j] as number;
        const v3 = d[d3 + j] as number;
        c[cx + j] = (c[cx + j] as number) + x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
        c[cy + j] = (c[cy + j] as number) + y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
      }
    }
    for (; p < k; p++) {
      for (let r = 0; r < 4; r++) {
        const ap = a[r0 + r * k + p] as number;
        if (ap === 0) continue;
        const dO = d0 + r * n;
        const co = p * n;
        for (let j = 0; j < n; j++) c[co + j] = (c[co + j] as number) + ap * (d[dO + j] as number);
      }
    }
  }
  for (; i < m; i++) {
    const dO = i * n;
    const ao = i * k;
    for (let p = 0; p < k; p++) {
      const ap = a[ao + p] as number;
      if (ap === 0) continue;
      const co = p * n;
      for (let j = 0; j < n; j++) c[co + j] = (c[co + j] as number) + ap * (d[dO + j] as number);
    }
  }
}

/** c[co + p] = D[row] · B[p, :] for p in [from, k): plain dot products. */
function rowDots(
  d: Float32Array,
  dO: number,
  b: Float32Array,
  c: Float32Array,
  co: number,
  from: number,
  k: number,
  n: number,
): void {
  for (let p = from; p < k; p++) {
    const bo = p * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += (d[dO + j] as number) * (b[bo + j] as number);
    c[co + p] = s;
  }
}

/** C[m×k] = D · Bᵀ with D [m×n], B [k×n] (dA_prev = dZ Wᵀ): dot products of contiguous rows. */
export function matmulTransB(
  d: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
): void {
  const k4 = k - (k % 4);
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const x = i * n;
    const y = x + n;
    const cx = i * k;
    const cy = cx + k;
    for (let p = 0; p < k4; p += 4) {
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let j = 0; j < n; j++) {
        const u = d[x + j] as number;
        const v = d[y + j] as number;
        const w0 = b[b0 + j] as number;
        const w1 = b[b1 + j] as number;
        const w2 = b[b2 + j] as number;
        const w3 = b[b3 + j] as number;
        s0 += u * w0;
        s1 += u * w1;
        s2 += u * w2;
        s3 += u * w3;
        t0 += v * w0;
        t1 += v * w1;
        t2 += v * w2;
        t3 += v * w3;
      }
      c[cx + p] = s0;
      c[cx + p + 1] = s1;
      c[cx + p + 2] = s2;
      c[cx + p + 3] = s3;
      c[cy + p] = t0;
      c[cy + p + 1] = t1;
      c[cy + p + 2] = t2;
      c[cy + p + 3] = t3;
    }
    rowDots(d, x, b, c, cx, k4, k, n);
    rowDots(d, y, b, c, cy, k4, k, n);
  }
  if (i < m) rowDots(d, i * n, b, c, i * k, 0, k, n);
}
