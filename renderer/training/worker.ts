/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../../engine/compile/plan';
import { prepareRun } from '../../engine/compile/prepare';
import type { DataSplits } from '../../engine/data/types';
import { exportModelFiles } from '../../engine/export/files';
import { firstLayerFilters } from '../../engine/inspect/filters';
import { mistakesReport } from '../../engine/inspect/mistakes';
import { neuronPictures } from '../../engine/inspect/neurons';
import { checkStep, type StepContext, stepWeights } from '../../engine/inspect/step-weights';
import { boundsOf, decisionGrid } from '../../engine/train/boundary';
import type { TrainingEvent } from '../../engine/train/events';
import { featureStatistics } from '../../engine/train/statistics';
import { TrainingRun } from '../../engine/train/trainer';
import { workerReader } from '../data/workerReader';
import { checkDocumentGradients } from '../gradcheck/task';
import { Throttle } from '../inspect/throttle';
import { searchDocument } from '../tuning/task';
import { nextBackend, setUpTraining } from './backends';
import { spawnWebKernelHelper } from './kernel-threads';
import { holdLifeline } from './lifeline';
import type { FromWorker, ToWorker, UpdateColumns } from './protocol';
import { Series } from './series';

/**
 * The training worker: hosts the engine so the canvas and charts stay responsive. Events are sent
 * in batches every ~50 ms; the decision boundary of 2-D data is re-sampled every ~300 ms.
 */
declare const self: DedicatedWorkerGlobalScope;

const EVENT_FLUSH_MS = 50;
const BOUNDARY_EVERY_MS = 300;
const BOUNDARY_SIZE = 64;
/** Mistakes on dev and test, first-layer filters: at most every second, at most a tenth of the time. */
const INSPECT_EVERY_MS = 1000;
/** Boundaries recorded over a run's planned updates, for replay, besides the ones sent every ~300 ms. */
const BOUNDARIES_RECORDED = 60;

let current: TrainingRun | null = null;
/** The running run's plan, training split and input statistics, for Step mode's questions. */
let stepping: (Omit<StepContext, 'network' | 'step'> & { runId: string }) | null = null;
/** The last finished run, kept (network, plan, data) until the next starts, so it can be exported. */
let finished: { runId: string; run: TrainingRun; plan: TrainingPlan; splits: DataSplits } | null = null;

/** Update columns being filled between two messages. */
const packedUpdates = () => ({
  t: new Series(),
  cost: new Series(),
  smoothed: new Series(),
  lr: new Series(),
});

const columnsOf = (u: ReturnType<typeof packedUpdates>): UpdateColumns => ({
  t: u.t.view().slice(),
  cost: u.cost.view().slice(),
  smoothed: u.smoothed.view().slice(),
  lr: u.lr.view().slice(),
});

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const { runId } = message;
  void holdLifeline(runId).then((held) => held && post({ type: 'lifeline', runId }));
  finished?.run.dispose();
  finished = null;
  const prepared = await prepareRun(message.document, workerReader(message.files, message.builtin));
  if (!prepared.ok) {
    post({ type: 'problems', runId, problems: prepared.problems });
    return;
  }
  const { plan, splits } = prepared.value;
  const backend = await setUpTraining(message.backend, plan, splits.train);
  post({ type: 'backend', runId, ...backend });
  const twoD = plan.data.features === 2 && plan.data.classes !== null;
  const bounds = boundsOf([splits.train, splits.dev]);
  if (twoD) {
    post({
      type: 'points',
      runId,
      bounds,
      classes: plan.data.classes ?? 2,
      sets: [
        { x: splits.train.x, y: splits.train.y, split: 'train' },
        { x: splits.dev.x, y: splits.dev.y, split: 'dev' },
      ],
    });
  }

  let buffer: TrainingEvent[] = [];
  let updates = packedUpdates();
  let lastFlush = performance.now();
  let lastBoundary = 0;
  let lastT = 0;
  let nextRecorded = 0;
  let recordEvery = 1;
  const flush = () => {
    if (updates.t.length) {
      const columns = columnsOf(updates);
      post(
        { type: 'updates', runId, columns },
        Object.values(columns).map((c) => c.buffer),
      );
      updates = packedUpdates();
    }
    if (buffer.length) post({ type: 'events', runId, events: buffer });
    buffer = [];
    lastFlush = performance.now();
  };
  const sendBoundary = () => {
    if (!twoD || !current) return;
    const grid = decisionGrid(current.network, bounds, BOUNDARY_SIZE);
    const neurons = neuronPictures(current.network, bounds, BOUNDARY_SIZE);
    post({ type: 'boundary', runId, t: lastT, size: BOUNDARY_SIZE, bounds, ...grid, neurons }, [
      grid.probability.buffer,
      grid.classes.buffer,
      ...neurons.map((n) => n.values.buffer),
    ]);
    lastBoundary = performance.now();
  };
  const inspectThrottle = new Throttle(INSPECT_EVERY_MS, 10);
  const sendInspection = (epoch: number, t: number) => {
    if (!current) return;
    const began = performance.now();
    const report = mistakesReport(current.network, splits, { epoch, t });
    const filters = firstLayerFilters(current.network);
    inspectThrottle.ran(began, performance.now() - began);
    if (report) post({ type: 'mistakes', runId, report });
    if (filters) post({ type: 'filters', runId, t, filters }, [filters.values.buffer]);
  };

  const run = new TrainingRun(plan, splits, {
    executor: backend.executor,
    timings: backend.timings,
    kernelHelper: spawnWebKernelHelper,
    ...(message.seed !== undefined ? { seed: message.seed } : {}),
    onEvent(event) {
      if (event.type === 'update') {
        updates.t.push(event.t);
        updates.cost.push(event.cost);
        updates.smoothed.push(event.smoothedCost);
        updates.lr.push(event.lr);
        lastT = event.t;
      } else buffer.push(event);
      // The run's own notes (its threads, constant features) join the backend's in the panel's status.
      if (event.type === 'start' && event.notes.length)
        post({ type: 'backend', runId, ...backend, notes: [...backend.notes, ...event.notes] });
      const now = performance.now();
      if (event.type === 'start') {
        recordEvery = Math.max(1, Math.ceil((event.epochs * event.updatesPerEpoch) / BOUNDARIES_RECORDED));
        sendBoundary(); // t = 0: the initial weights' boundary, where a replay starts
      }
      if (event.type === 'epoch' && (now - lastBoundary > BOUNDARY_EVERY_MS || lastT >= nextRecorded)) {
        nextRecorded = lastT + recordEvery;
        sendBoundary();
      }
      if (event.type === 'epoch' && inspectThrottle.due(now)) sendInspection(event.epoch, event.t);
      // The end's reports go out before the done event, so a finished run has them.
      if (event.type === 'done' && event.reason !== 'nan' && event.reason !== 'error') {
        sendInspection(event.epochs, event.updates);
      }
      // Batched every ~50 ms, epochs too (a fast run ends tens of thousands of epochs a second): only
      // the start and the end go out at once. Updates are posted before the events of their batch.
      // A step's measurement goes out at once too: nothing follows it while the run is paused.
      const stepped = event.type === 'layers' && run.isPaused;
      if (now - lastFlush > EVENT_FLUSH_MS || event.type === 'start' || event.type === 'done' || stepped)
        flush();
    },
  });
  current = run;
  const stats = plan.needsInputStatistics ? featureStatistics(splits.train) : undefined;
  stepping = { runId, plan, train: splits.train, ...(stats ? { inputStatistics: stats } : {}) };
  const done = await run.start();
  stepping = null;
  sendBoundary();
  flush();
  current = null;
  if (done.reason === 'epochs' || done.reason === 'early-stopping' || done.reason === 'stopped') {
    finished = { runId, run, plan, splits };
  } else {
    run.dispose();
  }
  if (done.reason === 'error') {
    post({
      type: 'failed',
      runId,
      backend: backend.name,
      message: done.message,
      next: nextBackend(backend.name),
    });
  }
}

/** Step mode's answer about one layer: its matrices of the last step, or their float64 check. */
function answerStep(message: Extract<ToWorker, { type: 'stepWeights' | 'checkStep' }>): void {
  if (!stepping) return;
  const { runId } = stepping;
  const step = current?.lastStep;
  const context = current && step ? { ...stepping, network: current.network, step } : null;
  const { nodeId } = message;
  if (message.type === 'stepWeights') {
    const weights = context ? stepWeights(context, nodeId) : null;
    post({ type: 'stepWeights', runId, nodeId, weights });
  } else {
    const check = context ? checkStep(context, nodeId, { seed: step?.t ?? 0 }) : null;
    post({ type: 'stepCheck', runId, nodeId, check });
  }
}

/** Gradient checking on the CPU backend: deterministic float32, as `netcanvas gradcheck` uses. */
async function gradcheck(message: Extract<ToWorker, { type: 'gradcheck' }>): Promise<void> {
  const { runId } = message;
  await tf.setBackend('cpu');
  await tf.ready();
  const checked = await checkDocumentGradients(message.document, {
    examples: message.examples,
    reader: workerReader(message.files, message.builtin),
  });
  if (checked.ok) post({ type: 'gradcheck', runId, ...checked.value });
  else post({ type: 'problems', runId, problems: checked.problems });
}

/** The search in progress; setting `aborted` stops it. */
let searchSignal: { aborted: boolean } | null = null;

/** Hyperparameter search: one trial at a time on the chosen backend, each result posted as it ends. */
async function search(message: Extract<ToWorker, { type: 'search' }>): Promise<void> {
  const { runId } = message;
  // Where trials train is measured once, on the document as it is.
  const reader = workerReader(message.files, message.builtin);
  const base = await prepareRun(message.document, reader);
  const backend = base.ok
    ? await setUpTraining(message.backend, base.value.plan, base.value.splits.train)
    : await setUpTraining(message.backend, null, null);
  post({ type: 'backend', runId, ...backend });
  const signal = { aborted: false };
  searchSignal = signal;
  const problems = await searchDocument(message.document, message.space, {
    baseline: message.baseline,
    executor: backend.executor,
    reader,
    signal,
    onTrial: (result) => post({ type: 'trial', runId, result }),
  });
  searchSignal = null;
  if (problems.length) post({ type: 'problems', runId, problems });
  else post({ type: 'searchDone', runId, stopped: signal.aborted });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const message = e.data;
  switch (message.type) {
    case 'start':
      start(message).catch((err: unknown) => {
        post({
          type: 'failed',
          runId: message.runId,
          backend: tf.getBackend() as never,
          message: err instanceof Error ? err.message : String(err),
          next: nextBackend(tf.getBackend() as never),
        });
      });
      break;
    case 'pause':
      current?.pause();
      break;
    case 'resume':
      current?.resume();
      break;
    case 'step':
      current?.step();
      break;
    case 'stepWeights':
    case 'checkStep':
      answerStep(message);
      break;
    case 'stop':
      current?.stop();
      break;
    case 'setLearningRate':
      current?.setLearningRate(message.value);
      break;
    case 'search':
      search(message).catch((err: unknown) => {
        post({
          type: 'failed',
          runId: message.runId,
          backend: tf.getBackend() as never,
          message: err instanceof Error ? err.message : String(err),
          next: null,
        });
      });
      break;
    case 'export': {
      const last = finished;
      if (!last || last.runId !== message.runId) {
        post({
          type: 'exportFailed',
          runId: message.runId,
          message: 'That run is no longer in memory: train it again, then export.',
        });
        break;
      }
      exportModelFiles({
        format: message.format,
        network: last.run.network,
        plan: last.plan,
        splits: last.splits,
      })
        .then((files) => post({ type: 'exported', runId: message.runId, format: message.format, files }))
        .catch((err: unknown) =>
          post({
            type: 'exportFailed',
            runId: message.runId,
            message: err instanceof Error ? err.message : String(err),
          }),
        );
      break;
    }
    case 'stopSearch':
      if (searchSignal) searchSignal.aborted = true;
      break;
    case 'gradcheck':
      gradcheck(message).catch((err: unknown) => {
        post({
          type: 'failed',
          runId: message.runId,
          backend: 'cpu',
          message: err instanceof Error ? err.message : String(err),
          next: null,
        });
      });
      break;
  }
};
