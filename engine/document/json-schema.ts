import { z } from 'zod';
import { NODE_KINDS } from '../nodes/registry.js';
import { GraphDocumentSchema, GraphNodeSchema } from './schema.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

const toJson = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

/**
 * The JSON Schema of a graph document, generated from the zod schemas: the document's own fields,
 * and for nodes one variant per kind with that kind's params (defaults shown, every field optional
 * where a default exists). Checked in as docs/graph.schema.json.
 */
export function documentJsonSchema(): JsonSchema {
  const doc = toJson(GraphDocumentSchema);
  const node = toJson(GraphNodeSchema);
  const variants = NODE_KINDS.map((kind) => ({
    ...node,
    title: kind.kind,
    description: `${kind.title.en}. ${kind.hint.en}`,
    properties: {
      ...node.properties,
      kind: { const: kind.kind },
      params: toJson(kind.params),
    },
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://netcanvas.app/schema/graph-v1.json',
    title: 'NetCanvas graph document',
    ...doc,
    properties: {
      ...doc.properties,
      nodes: { ...doc.properties?.nodes, items: { oneOf: variants } },
    },
  };
}
