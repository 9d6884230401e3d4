// Writes presets/*.netcanvas.json and presets/catalog.json from presets/lessons.ts: `npm run presets`.
// A test checks the checked-in files match, so the lessons have one source.
import { writeFileSync } from 'node:fs';
import { serializeDocument } from '../engine/document/parse.js';
import { LESSONS, presetDocuments } from '../presets/lessons.js';

for (const { file, doc } of presetDocuments()) {
  writeFileSync(new URL(`../presets/${file}`, import.meta.url), serializeDocument(doc));
}
const catalog = LESSONS.map(({ variants, ...lesson }) => ({
  ...lesson,
  variants: variants.map((v) => ({ label: v.label, file: v.file })),
}));
writeFileSync(
  new URL('../presets/catalog.json', import.meta.url),
  `${JSON.stringify({ lessons: catalog }, null, 2)}\n`,
);
console.log(`wrote ${presetDocuments().length} presets and presets/catalog.json`);
