import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import type { DataSplits, LabeledData } from '../data/types.js';
import { labelMatrix } from '../model/losses.js';
import { Network } from '../model/network.js';
import { learningRateAt } from '../nodes/schedule.js';
import { batchSizeFor } from '../nodes/training.js';
import { createRandom, mixSeeds, permutation } from '../random.js';
import { type DeviceSplit, evaluateSplit } from './evaluate.js';
import type { DoneEvent, EpochEvent, SplitMetrics, StopReason, TrainingEvent } from './events.js';
import { createEwa } from './ewa.js';
import { nanMessage } from './nan-message.js';
import { createOptimizer, type SpecOptimizer } from './optimizers.js';
import { featureStatistics } from './statistics.js';

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
}

/** Every figure of the metrics is a number a chart can draw. */
const allFinite = (s: SplitMetrics): boolean =>
  Number.isFinite(s.cost) && Number.isFinite(s.loss) && (s.accuracy === null || Number.isFinite(s.accuracy));

const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function toDevice(data: LabeledData, plan: TrainingPlan): DeviceSplit {
  const labels = labelMatrix(plan.loss, data);
  return {
    x: tf.tensor2d(data.x, [data.m, data.features]),
    y: tf.tensor2d(labels.values, [data.m, labels.columns]),
    m: data.m,
    classes: data.classes,
  };
}

/**
 * One training run (spec §6): seeded shuffles, mini-batches cut with one gather each, the spec's
 * optimizer, events for every update and epoch. Control it with pause/resume/stop/setLearningRate
 * while `start()` runs; `dispose()` frees every tensor it made.
 */
export class TrainingRun {
  readonly network: Network;
  private readonly optimizer: SpecOptimizer;
  private readonly splits: { train: DeviceSplit; dev: DeviceSplit; test: DeviceSplit };
  private readonly epochs: number;
  private readonly seed: number;
  private stopRequested = false;
  private paused: { promise: Promise<void>; resume: () => void } | null = null;
  private manualLearningRate: number | null = null;
  private best: { epoch: number; loss: number; weights: tf.Tensor[] } | null = null;
  private readonly notes: string[] = [];

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
    this.network = Network.fromPlan(plan, {
      random: random.fork(),
      ...(inputStatistics ? { inputStatistics } : {}),
    });
    this.optimizer = createOptimizer(plan.optimizer);
    this.splits = {
      train: toDevice(data.train, plan),
      dev: toDevice(data.dev, plan),
      test: toDevice(data.test, plan),
    };
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

  stop(): void {
    this.stopRequested = true;
    this.resume();
  }

  /** Sets α from the next update on (the manual schedule's live change). */
  setLearningRate(alpha: number): void {
    if (Number.isFinite(alpha) && alpha > 0) this.manualLearningRate = alpha;
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
    const { plan } = this;
    const train = this.splits.train;
    const m = train.m;
    const batchSize = Math.min(batchSizeFor(plan.training, m), Math.max(1, m));
    const updatesPerEpoch = Math.ceil(m / batchSize);
    const shuffleRandom = createRandom(mixSeeds(this.seed, 0x5f3759df));
    const smoothing = createEwa(plan.training.smoothing);
    const readbackEvery = this.options.readbackEvery ?? (['cpu', 'wasm'].includes(tf.getBackend()) ? 1 : 32);
    const yieldEveryMs = this.options.yieldEveryMs ?? 30;
    const varList = this.network.trainableVariables;
    const early = plan.training.earlyStopping;
    const parameterCount = varList.reduce((n, v) => n + v.size, 0);
    this.emit({
      type: 'start',
      backend: tf.getBackend(),
      epochs: this.epochs,
      updatesPerEpoch,
      batchSize,
      m: { train: m, dev: this.splits.dev.m, test: this.splits.test.m },
      parameterCount,
      notes: this.notes,
    });

    let t = 0;
    let epoch = 0;
    let reason: StopReason = 'epochs';
    let message = '';
    let lastYield = performance.now();
    let lastEpoch: EpochEvent | null = null;
    const pending: { cost: tf.Scalar; t: number; epoch: number; batch: number; lr: number }[] = [];

    /** Reads pending costs back; returns the first non-finite one, if any. */
    const flush = async (): Promise<{ t: number; epoch: number; lr: number } | null> => {
      if (!pending.length) return null;
      const stacked = tf.stack(pending.map((p) => p.cost));
      const values = await stacked.data();
      stacked.dispose();
      let bad: { t: number; epoch: number; lr: number } | null = null;
      pending.forEach((p, i) => {
        p.cost.dispose();
        const cost = values[i] as number;
        if (bad) return;
        if (!Number.isFinite(cost)) {
          bad = p;
          return;
        }
        this.emit({
          type: 'update',
          t: p.t,
          epoch: p.epoch,
          batch: p.batch,
          cost,
          smoothedCost: smoothing.push(cost),
          lr: p.lr,
        });
      });
      pending.length = 0;
      return bad;
    };

    try {
      outer: for (epoch = 1; epoch <= this.epochs; epoch++) {
        const order = plan.training.shuffle
          ? permutation(m, shuffleRandom)
          : Int32Array.from({ length: m }, (_, i) => i);
        for (let batch = 1; batch <= updatesPerEpoch; batch++) {
          if (this.paused) {
            if (await flush()) break;
            await this.paused.promise;
          }
          if (this.stopRequested) {
            reason = 'stopped';
            message = 'Stopped by the user.';
            break outer;
          }
          t += 1;
          const lr = this.learningRate(epoch, t);
          this.optimizer.learningRate = lr;
          const indices = order.subarray((batch - 1) * batchSize, Math.min(batch * batchSize, m));
          const stepSeed = mixSeeds(this.seed, t);
          const cost = tf.tidy(() => {
            const idx = tf.tensor1d(indices, 'int32');
            const xb = tf.gather(train.x, idx);
            const yb = tf.gather(train.y, idx);
            const { value, grads } = tf.variableGrads(
              () => this.network.cost(plan.loss, xb, yb, m, true, stepSeed),
              varList,
            );
            this.optimizer.applyGradients(grads);
            return value;
          });
          pending.push({ cost, t, epoch, batch, lr });
          if (pending.length >= readbackEvery) {
            const bad = await flush();
            if (bad) {
              reason = 'nan';
              message = nanMessage(plan, bad);
              break outer;
            }
          }
          if (performance.now() - lastYield > yieldEveryMs) {
            await nextTick();
            lastYield = performance.now();
          }
        }
        const bad = await flush();
        if (bad) {
          reason = 'nan';
          message = nanMessage(plan, bad);
          break;
        }
        const evaluateEvery = this.options.evaluateEvery ?? 1;
        if (epoch % evaluateEvery !== 0 && epoch !== this.epochs) continue;
        const evaluated = await this.endEpoch(epoch, t, started);
        if (!evaluated) {
          reason = 'nan';
          message = nanMessage(plan, { t, epoch, lr: this.learningRate(epoch, Math.max(t, 1)) });
          break;
        }
        lastEpoch = evaluated;
        if (
          early.enabled &&
          this.best &&
          this.splits.dev.m > 0 &&
          epoch - this.best.epoch >= early.patience
        ) {
          reason = 'early-stopping';
          message = `Early stopping: the dev loss has not improved for ${early.patience} epochs since epoch ${this.best.epoch}.`;
          break;
        }
        await nextTick();
        lastYield = performance.now();
      }
      if (reason === 'epochs') message = `Trained ${this.epochs} epochs.`;
    } catch (err) {
      reason = 'error';
      message = `Training failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      for (const p of pending) p.cost.dispose();
    }
    return this.finish(reason, message, t, started, lastEpoch);
  }

  /**
   * Evaluates the splits and emits the epoch event; null (and no event) when a metric is NaN or
   * infinite, e.g. the last update overflowed the weights, so no chart ever gets a NaN point.
   */
  private async endEpoch(epoch: number, t: number, started: number): Promise<EpochEvent | null> {
    const { plan } = this;
    const m = this.splits.train.m;
    const train = await evaluateSplit(this.network, plan.loss, this.splits.train, m);
    const dev = this.splits.dev.m ? await evaluateSplit(this.network, plan.loss, this.splits.dev, m) : null;
    if (!allFinite(train) || (dev && !allFinite(dev))) return null;
    const watched = dev ? dev.loss : train.loss;
    const minDelta = plan.training.earlyStopping.minDelta;
    if (Number.isFinite(watched) && (!this.best || watched < this.best.loss - minDelta)) {
      const keep = plan.training.earlyStopping.enabled && plan.training.earlyStopping.restoreBest;
      for (const w of this.best?.weights ?? []) w.dispose();
      this.best = { epoch, loss: watched, weights: keep ? this.network.snapshot() : [] };
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
    const { plan } = this;
    const early = plan.training.earlyStopping;
    let restoredBest = false;
    if (reason === 'early-stopping' && early.restoreBest && this.best?.weights.length) {
      this.network.restore(this.best.weights);
      restoredBest = true;
      message += ` Restored the weights of epoch ${this.best.epoch}.`;
    }
    const m = this.splits.train.m;
    // Null rather than NaN: a split that is empty, or that the weights can no longer score.
    const metrics = async (split: DeviceSplit): Promise<SplitMetrics | null> => {
      if (!split.m || reason === 'nan' || reason === 'error') return null;
      const result = await evaluateSplit(this.network, plan.loss, split, m);
      return allFinite(result) ? result : null;
    };
    const done: DoneEvent = {
      type: 'done',
      reason,
      message,
      epochs: last?.epoch ?? 0,
      updates,
      bestEpoch: this.best?.epoch ?? null,
      restoredBest,
      train: restoredBest ? await metrics(this.splits.train) : (last?.train ?? null),
      dev: restoredBest ? await metrics(this.splits.dev) : (last?.dev ?? null),
      test: await metrics(this.splits.test),
      elapsedMs: performance.now() - started,
    };
    this.emit(done);
    return done;
  }

  /** Frees the data, the network, the optimizer's slots and the early-stopping snapshot. */
  dispose(): void {
    for (const split of Object.values(this.splits)) {
      split.x.dispose();
      split.y.dispose();
    }
    for (const w of this.best?.weights ?? []) w.dispose();
    this.best = null;
    this.optimizer.dispose();
    this.network.dispose();
  }
}
