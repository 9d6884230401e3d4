// Regenerates docs/graph.schema.json from the engine's zod schemas: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { documentJsonSchema } from '../engine/document/json-schema.js';

writeFileSync(
  new URL('../docs/graph.schema.json', import.meta.url),
  `${JSON.stringify(documentJsonSchema(), null, 2)}\n`,
);
console.log('wrote docs/graph.schema.json');
