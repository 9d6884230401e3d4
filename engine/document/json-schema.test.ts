import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from './json-schema.js';

describe('the document JSON Schema', () => {
  it('matches the checked-in docs/graph.schema.json (run `npm run schema` after changing a params schema)', () => {
    const checkedIn = JSON.parse(
      readFileSync(new URL('../../docs/graph.schema.json', import.meta.url), 'utf8'),
    );
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(documentJsonSchema())));
  });

  it('has one node variant per kind with its params and defaults', () => {
    const schema = documentJsonSchema() as {
      properties: {
        nodes: {
          items: {
            oneOf: {
              title: string;
              properties: { params: { properties?: Record<string, { default?: unknown }> } };
            }[];
          };
        };
      };
    };
    const variants = schema.properties.nodes.items.oneOf;
    expect(variants.map((v) => v.title)).toContain('Dense');
    const dense = variants.find((v) => v.title === 'Dense')!;
    expect(dense.properties.params.properties?.units?.default).toBe(10);
  });
});
