import { z } from 'zod';

/**
 * The saved graph document. Every setting a run needs lives in the nodes' params, so opening a file
 * reproduces a run. The document schema itself is deliberately loose about `kind` and `params`:
 * a node of an unknown kind or with bad params still loads (nothing the user made is dropped) and
 * validation reports it; the per-kind schemas in engine/nodes/ check params.
 */
export const CURRENT_VERSION = 1;

export const PositionSchema = z
  .object({ x: z.number().finite(), y: z.number().finite() })
  .describe('Where the node sits on the canvas, in canvas units.');

export const GraphNodeSchema = z.object({
  id: z.string().min(1).max(200).describe('Unique within the document; problems name nodes by it.'),
  kind: z.string().min(1).max(100).describe('Node kind, e.g. "Dense" (see the kind table).'),
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .describe("The kind's params; missing ones take defaults."),
  position: PositionSchema.default({ x: 0, y: 0 }),
  label: z.string().max(200).optional().describe('A name the user gave the node.'),
});

export const GraphEdgeSchema = z.object({
  id: z.string().min(1).max(200),
  source: z.string().min(1).describe('Id of the node the edge leaves.'),
  sourcePort: z.string().min(1).describe('Output port of the source node, e.g. "out" or "y".'),
  target: z.string().min(1).describe('Id of the node the edge enters.'),
  targetPort: z.string().min(1).describe('Input port of the target node, e.g. "in" or "labels".'),
});

export const GraphDocumentSchema = z.object({
  format: z.literal('netcanvas').describe('Marks the file as a NetCanvas document.'),
  version: z.literal(CURRENT_VERSION).describe('Document format version; older versions are migrated.'),
  name: z.string().max(200).default('Untitled'),
  description: z.string().max(20_000).default(''),
  nodes: z.array(GraphNodeSchema).max(5000),
  edges: z.array(GraphEdgeSchema).max(20_000),
  runs: z
    .array(z.unknown())
    .default([])
    .describe('Runs kept with the project (summaries and curves); written by the app.'),
});

export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type GraphDocument = z.infer<typeof GraphDocumentSchema>;
