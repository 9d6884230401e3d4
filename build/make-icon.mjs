// Draws build/icon.png (1024×1024): a small network, 2 → 3 → 1, on a rounded square. electron-builder
// makes the Windows .ico and the macOS .icns from this PNG when it packages (both need ≥ 512 px).
// Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** RGBA pixels [SIZE*SIZE*4] → PNG bytes (8-bit RGBA, no filtering). */
function encodePng(rgba) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
/** Paints colour [r, g, b] with coverage 0..1 over pixel (x, y). */
function paint(x, y, [r, g, b], coverage) {
  if (coverage <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, coverage);
  const under = rgba[i + 3] / 255;
  const outA = a + under * (1 - a);
  for (const [k, v] of [r, g, b].entries()) {
    rgba[i + k] = Math.round((v * a + rgba[i + k] * under * (1 - a)) / (outA || 1));
  }
  rgba[i + 3] = Math.round(outA * 255);
}
const edge = (distance) => Math.max(0, Math.min(1, 0.5 - distance)); // 1-pixel anti-aliasing

// Rounded square background.
const margin = 64;
const radius = 190;
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const dx = Math.max(margin + radius - x - 0.5, 0, x + 0.5 - (SIZE - margin - radius));
    const dy = Math.max(margin + radius - y - 0.5, 0, y + 0.5 - (SIZE - margin - radius));
    const d = Math.hypot(dx, dy) - radius;
    const t = y / SIZE;
    paint(x, y, [Math.round(24 + 10 * t), Math.round(32 + 12 * t), Math.round(56 + 20 * t)], edge(d));
  }
}

const layers = [
  { x: 260, ys: [380, 644], colour: [96, 165, 250] },
  { x: 512, ys: [300, 512, 724], colour: [245, 158, 11] },
  { x: 764, ys: [512], colour: [52, 211, 153] },
];
function segment(x0, y0, x1, y1, width, colour) {
  const minX = Math.floor(Math.min(x0, x1) - width);
  const maxX = Math.ceil(Math.max(x0, x1) + width);
  const minY = Math.floor(Math.min(y0, y1) - width);
  const maxY = Math.ceil(Math.max(y0, y1) + width);
  const lx = x1 - x0;
  const ly = y1 - y0;
  const length2 = lx * lx + ly * ly;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const t = Math.max(0, Math.min(1, ((x + 0.5 - x0) * lx + (y + 0.5 - y0) * ly) / length2));
      const d = Math.hypot(x + 0.5 - (x0 + t * lx), y + 0.5 - (y0 + t * ly)) - width / 2;
      paint(x, y, colour, edge(d) * 0.75);
    }
  }
}
function disc(cx, cy, r, colour) {
  for (let y = Math.floor(cy - r - 1); y <= cy + r + 1; y++) {
    for (let x = Math.floor(cx - r - 1); x <= cx + r + 1; x++) {
      paint(x, y, colour, edge(Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - r));
    }
  }
}
for (let l = 0; l + 1 < layers.length; l++) {
  for (const y0 of layers[l].ys)
    for (const y1 of layers[l + 1].ys) segment(layers[l].x, y0, layers[l + 1].x, y1, 18, [203, 213, 225]);
}
for (const layer of layers) {
  for (const y of layer.ys) {
    disc(layer.x, y, 74, [15, 23, 42]);
    disc(layer.x, y, 58, layer.colour);
  }
}

const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, encodePng(rgba));
console.log(`Wrote ${out.pathname} (${SIZE}×${SIZE}).`);
