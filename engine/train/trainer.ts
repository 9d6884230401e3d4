import * as tf from '@tensorflow/tfjs';
import type { TrainingPlan } from '../compile/plan.js';
import type { DataSplits, LabeledData } from '../data/types.js';
import { supportsFast } from '../fast/executor.js';
import { labelMatrix } from '../model/losses.js';
import { Network } from '../model/network.js';
import { learningRateAt } from '../nodes/schedule.js';
import { batchSizeFor } from '../nodes/training.js';
import { createRandom, mixSeeds, permutation } from '../random.js';
import type { ExecutorTiming } from './choose-executor.js';
import { type DeviceSplit, evaluateSplit } from './evaluate.js';
import type { DoneEvent, EpochEvent, SplitMetrics, StopReason, TrainingEvent } from './events.js';
import { createEwa } from './ewa.js';
import { FastSession } from './fast-session.js';
import { nanMessage } from './nan-message.js';
import { createOptimizer, type SpecOptimizer } from './optimizers.js';
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
   * (engine/fast) for dense networks it supports — `chooseExecutor` measures which is faster. A plan
   * the fast executor cannot run trains on tf.js, with a note saying why.
   */
  executor?: ExecutorName;
  /** What `chooseExecutor` measured, passed on in the start event. */
  timings?: ExecutorTiming[];
}

export type ExecutorName = 'tfjs' | 'fast';

/** Every figure of the metrics is a number a chart can draw. */
const allFinite = (s: SplitMetrics): boolean =>
  Number.isFinite(s.cost) && Number.isFinite(s.loss) && (s.accuracy === null || Number.isFinite(s.accuracy));

type SplitName = 'train' | 'dev' | 'test';

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
  private readonly tfNetwork: Network;
  /** The fast executor's side of the run, when it trains; null on tf.js. */
  private readonly fast: FastSession | null = null;
  private readonly optimizer: SpecOptimizer;
  private readonly splits: { train: DeviceSplit; dev: DeviceSplit; test: DeviceSplit };
  private readonly epochs: number;
  private readonly seed: number;
  private stopRequested = false;
  private paused: { promise: Promise<void>; resume: () => void } | null = null;
  private manualLearningRate: number | null = null;
  private best: { epoch: number; loss: number; weights: tf.Tensor[]; fastWeights: Float32Array[] } | null =
    null;
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
    this.tfNetwork = Network.fromPlan(plan, {
      random: random.fork(),
      ...(inputStatistics ? { inputStatistics } : {}),
    });
    if (options.executor === 'fast') {
      const why = supportsFast(plan);
      if (why) this.notes.push(`Trained with tf.js: ${why}`);
      else {
        const m = data.train.m;
        const batchSize = Math.min(batchSizeFor(plan.training, m), Math.max(1, m));
        this.fast = new FastSession(plan, data, this.tfNetwork, batchSize, inputStatistics);
      }
    }
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

  /** The tf.js network, holding the current weights (synced from the fast executor when it trains). */
  get network(): Network {
    if (this.fast?.dirty) this.fast.syncTo(this.tfNetwork);
    return this.tfNetwork;
  }

  /** Which executor runs the updates. */
  get executor(): ExecutorName {
    return this.fast ? 'fast' : 'tfjs';
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
    const varList = this.tfNetwork.trainableVariables;
    const early = plan.training.earlyStopping;
    const parameterCount = varList.reduce((n, v) => n + v.size, 0);
    this.emit({
      type: 'start',
      backend: tf.getBackend(),
      executor: this.executor,
      timings: this.options.timings ?? [],
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
    /** Lets pause/stop/messages through once `yieldEveryMs` have passed since the last time. */
    const yieldIfDue = async (): Promise<void> => {
      if (performance.now() - lastYield <= yieldEveryMs) return;
      await yieldToEventLoop();
      lastYield = performance.now();
    };
    let lastEpoch: EpochEvent | null = null;
    const pending: { cost: tf.Scalar; t: number; epoch: number; batch: number; lr: number }[] = [];

    const emitUpdate = (p: { t: number; epoch: number; batch: number; lr: number }, cost: number) =>
      this.emit({ type: 'update', ...p, cost, smoothedCost: smoothing.push(cost) });

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
        emitUpdate(p, cost);
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
          if (this.fast) {
            const cost = this.fast.update(indices, lr);
            if (!Number.isFinite(cost)) {
              reason = 'nan';
              message = nanMessage(plan, { t, epoch, lr });
              break outer;
            }
            emitUpdate({ t, epoch, batch, lr }, cost);
            await yieldIfDue();
            continue;
          }
          const stepSeed = mixSeeds(this.seed, t);
          const cost = tf.tidy(() => {
            const idx = tf.tensor1d(indices, 'int32');
            const xb = tf.gather(train.x, idx);
            const yb = tf.gather(train.y, idx);
            const { value, grads } = tf.variableGrads(
              () => this.tfNetwork.cost(plan.loss, xb, yb, m, true, stepSeed),
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
          await yieldIfDue();
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
        await yieldIfDue();
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
    const train = await this.evaluate('train');
    const dev = this.splits.dev.m ? await this.evaluate('dev') : null;
    if (!allFinite(train) || (dev && !allFinite(dev))) return null;
    const watched = dev ? dev.loss : train.loss;
    const minDelta = plan.training.earlyStopping.minDelta;
    if (Number.isFinite(watched) && (!this.best || watched < this.best.loss - minDelta)) {
      const keep = plan.training.earlyStopping.enabled && plan.training.earlyStopping.restoreBest;
      for (const w of this.best?.weights ?? []) w.dispose();
      const fast = this.fast;
      this.best = {
        epoch,
        loss: watched,
        weights: keep && !fast ? this.tfNetwork.snapshot() : [],
        fastWeights: keep && fast ? fast.snapshot() : [],
      };
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
    const best = this.best;
    if (reason === 'early-stopping' && early.restoreBest && best) {
      if (best.fastWeights.length) this.fast?.restore(best.fastWeights);
      if (best.weights.length) this.tfNetwork.restore(best.weights);
      restoredBest = best.fastWeights.length + best.weights.length > 0;
      if (restoredBest) message += ` Restored the weights of epoch ${best.epoch}.`;
    }
    // Null rather than NaN: a split that is empty, or that the weights can no longer score.
    const metrics = async (split: SplitName): Promise<SplitMetrics | null> => {
      if (!this.splits[split].m || reason === 'nan' || reason === 'error') return null;
      const result = await this.evaluate(split);
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
      train: restoredBest ? await metrics('train') : (last?.train ?? null),
      dev: restoredBest ? await metrics('dev') : (last?.dev ?? null),
      test: await metrics('test'),
      elapsedMs: performance.now() - started,
    };
    this.emit(done);
    return done;
  }

  /** Metrics of a split in evaluation mode, on whichever executor trains. */
  private evaluate(split: SplitName): Promise<SplitMetrics> {
    if (this.fast) return Promise.resolve(this.fast.evaluate(split));
    return evaluateSplit(this.tfNetwork, this.plan.loss, this.splits[split], this.splits.train.m);
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
    this.tfNetwork.dispose();
  }
}
