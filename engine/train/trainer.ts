import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import type { DataSplits } from '../data/types.js';
import { supportsFast } from '../fast/executor.js';
import type { SpawnKernelHelper } from '../fast/wasm/parallel.js';
import { diagnose } from '../inspect/diagnose.js';
import { type InspectionPlan, inspectionPlan } from '../inspect/inspect.js';
import { parameterValues, type StepRecord } from '../inspect/step-record.js';
import { Network } from '../model/network.js';
import { learningRateAt } from '../nodes/schedule.js';
import { batchSizeFor } from '../nodes/training.js';
import type { ProblemDetail } from '../problems.js';
import { createRandom, mixSeeds, permutation } from '../random.js';
import type { ExecutorTiming } from './choose-executor.js';
import type { DoneEvent, EpochEvent, SplitMetrics, StopReason, TrainingEvent } from './events.js';
import { createEwa } from './ewa.js';
import type { ExecutorName, ExecutorSnapshot, SplitName, UpdateExecutor } from './executors/executor.js';
import { FastUpdateExecutor } from './executors/fast-executor.js';
import { TfjsExecutor } from './executors/tfjs-executor.js';
import { InspectionSchedule, LAYER_STATS_BUDGET } from './inspection-schedule.js';
import { nanMessage } from './nan-message.js';
import { threadsNote } from './notes.js';
import { featureStatistics } from './statistics.js';
import { yieldToEventLoop } from './yield.js';

export interface TrainerOptions {
  /** Overrides the Training node's epochs. */
  epochs?: number;
  /** Overrides the Training node's seed. */
  seed?: number;
  onEvent?: (event: TrainingEvent) => void;
  /** Costs are read back from the device every this many updates (1 on CPU/WASM, more on a GPU). */
  readbackEvery?: number;
  /** The loop yields to the event loop (so pause/stop/messages get through) at least this often. */
  yieldEveryMs?: number;
  /**
   * Evaluate train/dev metrics (and emit an epoch event) every this many epochs, and after the last
   * (default 1: every epoch). Long full-batch runs and benchmarks use more.
   */
  evaluateEvery?: number;
  /**
   * Where updates run: tf.js on the current backend (default), or the float32 fast executor
   * (engine/fast), which runs every kind that has a fast lowering — `chooseExecutor` measures which is
   * faster. A plan the fast executor cannot run trains on tf.js, with a note saying why.
   */
  executor?: ExecutorName;
  /** What `chooseExecutor` measured, passed on in the start event. */
  timings?: ExecutorTiming[];
  /**
   * Starts a second thread for the fast executor's large matrix products (a Web Worker in the app,
   * a worker_threads Worker in the CLI). It is used where shared memory exists (Node; a
   * cross-origin-isolated page); elsewhere the run notes that it trains on one thread.
   */
  kernelHelper?: SpawnKernelHelper;
  /**
   * Overrides the Training node's layerStatsEvery: a `layers` event after the first update and exactly
   * every this many (0: none), whatever they cost. The Training node's own value is an upper bound on
   * the pace, kept within LAYER_STATS_BUDGET of the time (engine/train/inspection-schedule.ts).
   */
  layerStatsEvery?: number;
}

export type { ExecutorName } from './executors/executor.js';

export { threadsNote } from './notes.js';

/**
 * The keyed parts of a done event's message (see `DoneEvent.detail`): 'Trained 30 epochs.' →
 * [{key: 'trainedEpochs', params: {epochs: 30}}]. A NaN's causes and an error's text are English only.
 */
function doneDetail(
  reason: StopReason,
  run: { epochs: number; patience: number; best: number },
): ProblemDetail[] {
  if (reason === 'epochs') return [{ key: 'trainedEpochs', params: { epochs: run.epochs } }];
  if (reason === 'stopped') return [{ key: 'stoppedByUser', params: {} }];
  if (reason === 'early-stopping') {
    return [{ key: 'earlyStopped', params: { patience: run.patience, epoch: run.best } }];
  }
  return [];
}

/** Every figure of the metrics is a number a chart can draw. */
const allFinite = (s: SplitMetrics): boolean =>
  Number.isFinite(s.cost) && Number.isFinite(s.loss) && (s.accuracy === null || Number.isFinite(s.accuracy));

/**
 * One training run (spec §6): seeded shuffles, mini-batches cut with one gather each, the spec's
 * optimizer, events for every update and epoch. Control it with pause/resume/stop/setLearningRate
 * while `start()` runs; `dispose()` frees every tensor it made.
 */
export class TrainingRun {
  private readonly tfNetwork: Network;
  /** What runs the updates: the fast executor when asked for and able, else tf.js. */
  private readonly updates: UpdateExecutor;
  private readonly m: Record<SplitName, number>;
  private readonly epochs: number;
  private readonly seed: number;
  private stopRequested = false;
  private paused: { promise: Promise<void>; resume: () => void } | null = null;
  private manualLearningRate: number | null = null;
  private best: { epoch: number; loss: number; snapshot: ExecutorSnapshot | null } | null = null;
  private readonly notes: string[] = [];
  private readonly inspection: InspectionPlan;
  /** Set by `step()`: the next update is measured whatever layerStatsEvery says. */
  private inspectNext = false;
  private stepped: StepRecord | null = null;

  constructor(
    readonly plan: TrainingPlan,
    data: DataSplits,
    private readonly options: TrainerOptions = {},
  ) {
    this.epochs = options.epochs ?? plan.training.epochs;
    this.seed = options.seed ?? plan.training.seed;
    const random = createRandom(this.seed);
    let inputStatistics: { mean: Float32Array; std: Float32Array } | undefined;
    if (plan.needsInputStatistics) {
      const stats = featureStatistics(data.train);
      inputStatistics = stats;
      if (stats.constant.length) {
        this.notes.push(
          `Normalize: feature${stats.constant.length > 1 ? 's' : ''} ${stats.constant.join(', ')} ${stats.constant.length > 1 ? 'are' : 'is'} constant on the training set (σ = 0); centred only.`,
        );
      }
    }
    this.tfNetwork = Network.fromPlan(plan, {
      random: random.fork(),
      ...(inputStatistics ? { inputStatistics } : {}),
    });
    const why = options.executor === 'fast' ? supportsFast(plan) : null;
    if (why) this.notes.push(`Trained with tf.js: ${why}`);
    if (options.executor === 'fast' && !why) {
      const m = data.train.m;
      const batchSize = Math.min(batchSizeFor(plan.training, m), Math.max(1, m));
      const fast = new FastUpdateExecutor(
        plan,
        data,
        this.tfNetwork,
        batchSize,
        inputStatistics,
        options.kernelHelper,
      );
      if (options.kernelHelper) this.notes.push(threadsNote(fast.threads));
      this.updates = fast;
    } else {
      this.updates = new TfjsExecutor(plan, data, this.tfNetwork);
    }
    this.m = { train: data.train.m, dev: data.dev.m, test: data.test.m };
    this.inspection = inspectionPlan(plan);
  }

  pause(): void {
    if (this.paused) return;
    let resume = () => {};
    const promise = new Promise<void>((r) => {
      resume = r;
    });
    this.paused = { promise, resume };
  }

  resume(): void {
    const p = this.paused;
    this.paused = null;
    p?.resume();
  }

  /**
   * While paused: one update, measured (a layers event with every node's flow), then paused again.
   * Does nothing while running.
   */
  step(): void {
    const paused = this.paused;
    if (!paused) return;
    this.inspectNext = true;
    this.paused = null;
    this.pause();
    paused.resume();
  }

  stop(): void {
    this.stopRequested = true;
    this.resume();
  }

  /** Sets α from the next update on (the manual schedule's live change). */
  setLearningRate(alpha: number): void {
    if (Number.isFinite(alpha) && alpha > 0) this.manualLearningRate = alpha;
  }

  /** The tf.js network, holding the current weights (synced from the fast executor when it trains). */
  get network(): Network {
    return this.updates.network();
  }

  /** Which executor runs the updates. */
  get executor(): ExecutorName {
    return this.updates.name;
  }

  /** The last update `step()` took: its batch and the weights before it (engine/inspect/step-weights.ts). */
  get lastStep(): StepRecord | null {
    return this.stepped;
  }

  get isPaused(): boolean {
    return this.paused !== null;
  }

  private emit(event: TrainingEvent): void {
    this.options.onEvent?.(event);
  }

  private learningRate(epoch: number, t: number): number {
    if (this.manualLearningRate !== null) return this.manualLearningRate;
    return learningRateAt(this.plan.schedule, this.plan.optimizer.learningRate, epoch, t);
  }

  /** Trains to the end (epochs, early stopping, NaN or stop()) and returns the final event. */
  async start(): Promise<DoneEvent> {
    const started = performance.now();
    const { plan, updates } = this;
    const m = this.m.train;
    const batchSize = Math.min(batchSizeFor(plan.training, m), Math.max(1, m));
    const updatesPerEpoch = Math.ceil(m / batchSize);
    const shuffleRandom = createRandom(mixSeeds(this.seed, 0x5f3759df));
    const smoothing = createEwa(plan.training.smoothing);
    const onHost = updates.name === 'fast' || ['cpu', 'wasm'].includes(tf.getBackend());
    const readbackEvery = this.options.readbackEvery ?? (onHost ? 1 : 32);
    const yieldEveryMs = this.options.yieldEveryMs ?? 30;
    const early = plan.training.earlyStopping;
    const explicitEvery = this.options.layerStatsEvery;
    const schedule = new InspectionSchedule(
      explicitEvery ?? plan.training.layerStatsEvery,
      explicitEvery === undefined ? LAYER_STATS_BUDGET : null,
    );
    const parameterCount = this.tfNetwork.trainableVariables.reduce((n, v) => n + v.size, 0);
    this.emit({
      type: 'start',
      backend: tf.getBackend(),
      executor: this.executor,
      timings: this.options.timings ?? [],
      epochs: this.epochs,
      updatesPerEpoch,
      batchSize,
      m: { ...this.m },
      parameterCount,
      notes: this.notes,
    });

    let t = 0;
    let epoch = 0;
    let reason: StopReason = 'epochs';
    let message = '';
    let lastYield = performance.now();
    /** Lets pause/stop/messages through once `yieldEveryMs` have passed since the last time. */
    const yieldIfDue = async (): Promise<void> => {
      if (performance.now() - lastYield <= yieldEveryMs) return;
      await yieldToEventLoop();
      lastYield = performance.now();
    };
    let lastEpoch: EpochEvent | null = null;
    /** The updates whose costs the executor still holds, in order. */
    const pending: { t: number; epoch: number; batch: number; lr: number }[] = [];

    /** Reads pending costs back and emits them; returns the first update whose cost is not finite. */
    const flush = async (): Promise<{ t: number; epoch: number; lr: number } | null> => {
      if (!pending.length) return null;
      const read = updates.readCosts();
      const values = read instanceof Promise ? await read : read;
      let bad: { t: number; epoch: number; lr: number } | null = null;
      for (const [i, p] of pending.entries()) {
        const cost = values[i] as number;
        if (!Number.isFinite(cost)) {
          bad = p;
          break;
        }
        this.emit({ type: 'update', ...p, cost, smoothedCost: smoothing.push(cost) });
      }
      pending.length = 0;
      return bad;
    };
    /** The one NaN exit: the message names the update, its epoch and α. */
    const stopForNaN = (at: { t: number; epoch: number; lr: number }): void => {
      reason = 'nan';
      message = nanMessage(plan, at);
    };

    try {
      outer: for (epoch = 1; epoch <= this.epochs; epoch++) {
        const order = plan.training.shuffle
          ? permutation(m, shuffleRandom)
          : Int32Array.from({ length: m }, (_, i) => i);
        for (let batch = 1; batch <= updatesPerEpoch; batch++) {
          if (this.paused) {
            const bad = await flush();
            if (bad) {
              stopForNaN(bad);
              break outer;
            }
            await this.paused.promise;
          }
          if (this.stopRequested) {
            reason = 'stopped';
            message = 'Stopped by the user.';
            break outer;
          }
          t += 1;
          const lr = this.learningRate(epoch, t);
          const indices = order.subarray((batch - 1) * batchSize, Math.min(batch * batchSize, m));
          const timed = this.inspectNext || schedule.timed(t);
          const began = timed ? performance.now() : 0;
          const last = epoch === this.epochs && batch === updatesPerEpoch;
          const inspect = this.inspectNext || schedule.due(t, began, last);
          const before = this.inspectNext ? parameterValues(this.network) : null;
          this.inspectNext = false;
          updates.update(indices, lr, mixSeeds(this.seed, t), inspect);
          if (before) this.stepped = { t, epoch, batch, indices: indices.slice(), before };
          pending.push({ t, epoch, batch, lr });
          if (pending.length >= readbackEvery) {
            const bad = await flush();
            if (bad) {
              stopForNaN(bad);
              break outer;
            }
          }
          const updated = timed || inspect ? performance.now() : 0;
          if (inspect) {
            await this.inspectLayers({ t, epoch, alpha: lr, rows: indices.length });
            const ended = performance.now();
            schedule.recordMeasured(timed ? updated - began : null, ended - updated, ended);
          } else if (timed) schedule.recordPlain(updated - began);
          await yieldIfDue();
        }
        const bad = await flush();
        if (bad) {
          stopForNaN(bad);
          break;
        }
        const evaluateEvery = this.options.evaluateEvery ?? 1;
        if (epoch % evaluateEvery !== 0 && epoch !== this.epochs) continue;
        const evaluated = await this.endEpoch(epoch, t, started);
        if (!evaluated) {
          stopForNaN({ t, epoch, lr: this.learningRate(epoch, Math.max(t, 1)) });
          break;
        }
        lastEpoch = evaluated;
        if (early.enabled && this.best && this.m.dev > 0 && epoch - this.best.epoch >= early.patience) {
          reason = 'early-stopping';
          message = `Early stopping: the dev loss has not improved for ${early.patience} epochs since epoch ${this.best.epoch}.`;
          break;
        }
        await yieldIfDue();
      }
      if (reason === 'epochs') message = `Trained ${this.epochs} epochs.`;
    } catch (err) {
      reason = 'error';
      message = `Training failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    return this.finish(reason, message, t, started, lastEpoch);
  }

  /** Measures the layers after update t and emits what they show. */
  private async inspectLayers(update: { t: number; epoch: number; alpha: number; rows: number }) {
    const { layers, nodes } = await this.updates.layerStats(this.inspection);
    const diagnoses = diagnose(this.inspection.layers, layers, update);
    this.emit({ type: 'layers', t: update.t, epoch: update.epoch, layers, diagnoses, nodes });
  }

  /**
   * Evaluates the splits and emits the epoch event; null (and no event) when a metric is NaN or
   * infinite, e.g. the last update overflowed the weights, so no chart ever gets a NaN point.
   */
  private async endEpoch(epoch: number, t: number, started: number): Promise<EpochEvent | null> {
    const { plan } = this;
    const train = await this.updates.evaluate('train');
    const dev = this.m.dev ? await this.updates.evaluate('dev') : null;
    if (!allFinite(train) || (dev && !allFinite(dev))) return null;
    const watched = dev ? dev.loss : train.loss;
    const minDelta = plan.training.earlyStopping.minDelta;
    if (Number.isFinite(watched) && (!this.best || watched < this.best.loss - minDelta)) {
      const keep = plan.training.earlyStopping.enabled && plan.training.earlyStopping.restoreBest;
      this.best?.snapshot?.dispose();
      this.best = { epoch, loss: watched, snapshot: keep ? this.updates.snapshot() : null };
    }
    const event: EpochEvent = {
      type: 'epoch',
      epoch,
      t,
      train,
      dev,
      lr: this.learningRate(epoch, Math.max(t, 1)),
      elapsedMs: performance.now() - started,
    };
    this.emit(event);
    return event;
  }

  private async finish(
    reason: StopReason,
    message: string,
    updates: number,
    started: number,
    last: EpochEvent | null,
  ): Promise<DoneEvent> {
    const early = this.plan.training.earlyStopping;
    let restoredBest = false;
    const best = this.best;
    const detail = doneDetail(reason, {
      epochs: this.epochs,
      patience: early.patience,
      best: best?.epoch ?? 0,
    });
    if (reason === 'early-stopping' && early.restoreBest && best?.snapshot) {
      this.updates.restore(best.snapshot);
      restoredBest = true;
      message += ` Restored the weights of epoch ${best.epoch}.`;
      detail.push({ key: 'restoredBest', params: { epoch: best.epoch } });
    }
    // Null rather than NaN: a split that is empty, or that the weights can no longer score.
    const metrics = async (split: SplitName): Promise<SplitMetrics | null> => {
      if (!this.m[split] || reason === 'nan' || reason === 'error') return null;
      const result = await this.updates.evaluate(split);
      return allFinite(result) ? result : null;
    };
    const done: DoneEvent = {
      type: 'done',
      reason,
      message,
      detail,
      epochs: last?.epoch ?? 0,
      updates,
      bestEpoch: this.best?.epoch ?? null,
      restoredBest,
      train: restoredBest ? await metrics('train') : (last?.train ?? null),
      dev: restoredBest ? await metrics('dev') : (last?.dev ?? null),
      test: await metrics('test'),
      elapsedMs: performance.now() - started,
    };
    this.emit(done);
    return done;
  }

  /** Frees the data, the network, the optimizer's slots and the early-stopping snapshot. */
  dispose(): void {
    this.best?.snapshot?.dispose();
    this.best = null;
    this.updates.dispose();
    this.tfNetwork.dispose();
  }
}
