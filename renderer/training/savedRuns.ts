import { z } from 'zod';
import { CURRENT_VERSION, type GraphDocument, GraphEdgeSchema } from '../../engine/document/schema';
import type { DoneEvent, StartEvent } from '../../engine/train/events';
import {
  restoreFilters,
  restoreMistakes,
  SavedFiltersSchema,
  SavedMistakesSchema,
  saveFilters,
  saveMistakes,
} from '../inspect/savedInspection';
import { restoreLayers, SavedLayersSchema, saveLayers } from '../inspect/savedLayers';
import { neuronSnapshot, restoreNeurons, SavedNeuronsSchema, saveNeurons } from '../inspect/savedNeurons';
import { BACKENDS } from './protocol';
import { newRunRecord, type RunRecord } from './runRecord';
import type { Series } from './series';

/** Points kept of each curve of a saved run (per epoch and per update). */
export const SAVED_POINTS = 500;
/** Runs a project keeps: the most recent finished ones. */
export const SAVED_RUNS = 20;

/** JSON has no NaN (a run without a dev split has NaN dev costs): null stands for it. */
const column = z.array(z.number().nullable());
const Metrics = z.object({
  cost: z.number(),
  loss: z.number(),
  accuracy: z.number().nullable(),
  m: z.number(),
});

/**
 * One finished run as a project keeps it (the document's `runs` entries): label, seed, the graph it
 * trained (params and wiring; no positions), the start and final figures, and its curves with at most
 * 500 points each. Read back with `SavedRunSchema`; an entry that does not match is skipped.
 */
export const SavedRunSchema = z.object({
  kind: z.literal('run'),
  version: z.literal(1),
  id: z.string().min(1),
  label: z.string(),
  seed: z.number(),
  startedAt: z.number(),
  backend: z.object({ name: z.enum(BACKENDS), adapter: z.string().nullable() }).nullable(),
  graph: z.object({
    name: z.string(),
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        params: z.record(z.string(), z.unknown()),
        label: z.string().optional(),
      }),
    ),
    edges: z.array(GraphEdgeSchema),
  }),
  start: z.object({
    epochs: z.number(),
    updatesPerEpoch: z.number(),
    batchSize: z.number(),
    m: z.object({ train: z.number(), dev: z.number(), test: z.number() }),
    parameterCount: z.number(),
    /** Runs saved before the fast executor existed trained on tf.js. */
    executor: z.enum(['tfjs', 'fast']).default('tfjs'),
  }),
  done: z.object({
    reason: z.enum(['epochs', 'early-stopping', 'nan', 'stopped', 'error']),
    message: z.string(),
    epochs: z.number(),
    updates: z.number(),
    bestEpoch: z.number().nullable(),
    restoredBest: z.boolean(),
    train: Metrics.nullable(),
    dev: Metrics.nullable(),
    test: Metrics.nullable(),
    elapsedMs: z.number(),
  }),
  epochs: z.object({
    epoch: column,
    trainCost: column,
    devCost: column,
    trainAccuracy: column,
    devAccuracy: column,
    lr: column,
  }),
  updates: z.object({ t: column, cost: column, smoothed: column }),
  /** The last confusion matrices and wrong examples (renderer/inspect/); absent in older files. */
  mistakes: SavedMistakesSchema.optional(),
  /** The first convolutional layer's last filters; absent in older files and for other networks. */
  filters: SavedFiltersSchema.optional(),
  /** The layer inspector's measurements (renderer/inspect/savedLayers.ts); absent in older files. */
  layers: SavedLayersSchema.optional(),
  /** The last neuron pictures, 8 bits a pixel (renderer/inspect/savedNeurons.ts); absent in older files. */
  neurons: SavedNeuronsSchema.optional(),
});
export type SavedRun = z.infer<typeof SavedRunSchema>;

/** `max` indices spread evenly over [0, length), first and last included: [0, 4, 9] of 10 for 3. */
export function evenIndices(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  if (max <= 1) return [length - 1];
  return Array.from({ length: max }, (_, i) => Math.round((i * (length - 1)) / (max - 1)));
}

/** 6 significant digits: enough for a chart, a third of the characters of a full double. */
const compact = (v: number): number | null => (Number.isFinite(v) ? Number(v.toPrecision(6)) : null);
const pick = (series: Series, indices: readonly number[]) => indices.map((i) => compact(series.at(i)));

/** A finished run as a project keeps it; null for a run that did not finish (running, failed, invalid). */
export function summarizeRun(run: RunRecord): SavedRun | null {
  if (run.status !== 'done' || !run.done || !run.start) return null;
  const e = run.epochs;
  const u = run.updates;
  const ei = evenIndices(e.epoch.length, SAVED_POINTS);
  const ui = evenIndices(u.t.length, SAVED_POINTS);
  const neurons = neuronSnapshot(run);
  const { type: _s, backend: _b, notes: _n, timings: _t, ...start } = run.start;
  const { type: _d, ...done } = run.done;
  return {
    kind: 'run',
    version: 1,
    id: run.id,
    label: run.label,
    seed: run.seed,
    startedAt: run.startedAt,
    backend: run.backend ? { name: run.backend.name, adapter: run.backend.adapter } : null,
    graph: {
      name: run.document.name,
      nodes: run.document.nodes.map(({ position: _p, ...n }) => n),
      edges: run.document.edges,
    },
    start,
    done,
    epochs: {
      epoch: pick(e.epoch, ei),
      trainCost: pick(e.trainCost, ei),
      devCost: pick(e.devCost, ei),
      trainAccuracy: pick(e.trainAccuracy, ei),
      devAccuracy: pick(e.devAccuracy, ei),
      lr: pick(e.lr, ei),
    },
    updates: { t: pick(u.t, ui), cost: pick(u.cost, ui), smoothed: pick(u.smoothed, ui) },
    ...(run.mistakes ? { mistakes: saveMistakes(run.mistakes) } : {}),
    ...(run.filters ? { filters: saveFilters(run.filters) } : {}),
    ...(run.layers.length ? { layers: saveLayers(run.layers) } : {}),
    ...(neurons ? { neurons: saveNeurons(neurons) } : {}),
  };
}

const fill = (series: Series, values: readonly (number | null)[]) => {
  for (const v of values) series.push(v ?? Number.NaN);
};

/** A saved run back in the run list, read-only (`saved`); null when the entry is not a saved run. */
export function restoreRun(entry: unknown): RunRecord | null {
  const parsed = SavedRunSchema.safeParse(entry);
  if (!parsed.success) return null;
  const s = parsed.data;
  const document: GraphDocument = {
    format: 'netcanvas',
    version: CURRENT_VERSION,
    name: s.graph.name,
    description: '',
    nodes: s.graph.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })),
    edges: s.graph.edges,
    runs: [],
  };
  const run = newRunRecord(s.id, s.label, document, s.seed);
  const start: StartEvent = {
    type: 'start',
    backend: s.backend?.name ?? '',
    notes: [],
    timings: [],
    ...s.start,
  };
  const done: DoneEvent = { type: 'done', ...s.done };
  Object.assign(run, {
    status: 'done',
    startedAt: s.startedAt,
    backend: s.backend ? { ...s.backend, notes: [] } : null,
    start,
    done,
    saved: true,
    version: 1,
    layers: restoreLayers(s.layers),
  });
  fill(run.epochs.epoch, s.epochs.epoch);
  fill(run.epochs.trainCost, s.epochs.trainCost);
  fill(run.epochs.devCost, s.epochs.devCost);
  fill(run.epochs.trainAccuracy, s.epochs.trainAccuracy);
  fill(run.epochs.devAccuracy, s.epochs.devAccuracy);
  fill(run.epochs.lr, s.epochs.lr);
  fill(run.updates.t, s.updates.t);
  fill(run.updates.cost, s.updates.cost);
  fill(run.updates.smoothed, s.updates.smoothed);
  if (s.mistakes) run.mistakes = restoreMistakes(s.mistakes);
  if (s.filters) run.filters = restoreFilters(s.filters);
  if (s.neurons) run.savedNeurons = restoreNeurons(s.neurons);
  return run;
}

/** The runs a project file keeps: the most recent finished runs of the list, summarized. */
export function savedRunsOf(runs: readonly RunRecord[]): SavedRun[] {
  return runs
    .flatMap((r) => {
      const saved = summarizeRun(r);
      return saved ? [saved] : [];
    })
    .slice(-SAVED_RUNS);
}

/** The document as Save writes it: the graph with the run list's finished runs. */
export const documentToSave = (s: { doc: GraphDocument; runs: readonly RunRecord[] }): GraphDocument => ({
  ...s.doc,
  runs: savedRunsOf(s.runs),
});

/** The runs a newly opened document brings, read-only, skipping any the list already has. */
export function runsOfDocument(doc: GraphDocument, present: readonly RunRecord[]): RunRecord[] {
  const ids = new Set(present.map((r) => r.id));
  return doc.runs.flatMap((entry) => {
    const run = restoreRun(entry);
    return run && !ids.has(run.id) ? [run] : [];
  });
}
