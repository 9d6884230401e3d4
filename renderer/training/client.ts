import type { BuiltinDataFile } from '../../engine/data/builtin-files';
import type { GraphDocument } from '../../engine/document/schema';
import type { ExportFile, ExportFormat } from '../../engine/export/files';
import { browserLifelineWatcher, type LifelineWatcher } from './lifeline';
import type { BackendChoice, FromWorker, ToWorker } from './protocol';
import { applyWorkerMessage, newRunRecord, type RunRecord, type RunStatus } from './runRecord';

/** The part of a Worker the client uses, so tests can hand in a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

const IN_PROGRESS: readonly RunStatus[] = ['starting', 'running', 'paused'];

export const browserWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'netcanvas-training',
  }) as unknown as WorkerLike;

export interface StartOptions {
  document: GraphDocument;
  label: string;
  seed: number;
  backend: BackendChoice;
  files?: Record<string, string | Blob>;
  builtin?: Partial<Record<BuiltinDataFile, Blob | null>>;
}

/**
 * Runs trainings in Web Workers, one fresh worker per run (a crashed or wedged backend never
 * outlives its run). Calls `onChange(run, statusChanged)` as messages arrive. A run whose worker is
 * gone without an `error` event (its lifeline released) is marked failed at once, its charts kept;
 * before, it stayed "running" forever.
 */
export class TrainingClient {
  private worker: WorkerLike | null = null;
  private run: RunRecord | null = null;
  private counter = 0;

  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly onChange: (run: RunRecord, statusChanged: boolean) => void,
    private readonly whenGone: LifelineWatcher = browserLifelineWatcher,
  ) {}

  get active(): RunRecord | null {
    return this.run;
  }

  start(options: StartOptions): RunRecord {
    this.dispose();
    this.counter += 1;
    const id = `run-${Date.now().toString(36)}-${this.counter}`;
    const run = newRunRecord(id, options.label, options.document, options.seed);
    this.run = run;
    const worker = this.createWorker();
    this.worker = worker;
    worker.onmessage = (e) => {
      const message = e.data;
      if (message.type === 'lifeline') {
        void this.whenGone(id).then(() => this.lost(run, worker));
        return;
      }
      if (message.type === 'exported' || message.type === 'exportFailed') {
        this.settleExport(message);
        return;
      }
      const before = run.status;
      if (!applyWorkerMessage(run, message)) return;
      // A finished run's worker stays until the next run, holding the trained network for export.
      const broken = run.status === 'failed' || run.status === 'invalid';
      this.onChange(run, run.status !== before);
      if (broken && this.worker === worker) this.release();
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.fail(run, worker, `The training worker stopped: ${e.message || 'it crashed'}.`);
    };
    worker.postMessage({
      type: 'start',
      runId: id,
      document: options.document,
      backend: options.backend,
      seed: options.seed,
      ...(options.files ? { files: options.files } : {}),
      ...(options.builtin ? { builtin: options.builtin } : {}),
    });
    return run;
  }

  /** The worker of `run` is gone: a run still in progress (not one the client ended) has failed. */
  private lost(run: RunRecord, worker: WorkerLike): void {
    if (this.worker !== worker || !IN_PROGRESS.includes(run.status)) return;
    this.fail(run, worker, 'The training worker stopped without a word (the browser ended it).');
  }

  /** Marks `run` failed with `message`, keeping what it recorded, and ends its worker. */
  private fail(run: RunRecord, worker: WorkerLike, message: string): void {
    applyWorkerMessage(run, {
      type: 'failed',
      runId: run.id,
      backend: run.backend?.name ?? 'cpu',
      message,
      next: null,
    });
    this.onChange(run, true);
    if (this.worker === worker) this.release();
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  pause(): void {
    if (this.run?.status !== 'running') return;
    this.send({ type: 'pause' });
    this.run.status = 'paused';
    this.onChange(this.run, true);
  }

  /** While paused: one measured update (Step mode); the run stays paused. */
  step(): void {
    if (this.run?.status !== 'paused') return;
    this.send({ type: 'step' });
  }

  /** In Step mode: asks for `nodeId`'s W, dW and ΔW of the last step (run.stepWeights). */
  requestStepWeights(nodeId: string): void {
    if (this.run?.status === 'paused') this.send({ type: 'stepWeights', nodeId });
  }

  /** In Step mode: the float64 gradient check of `nodeId`'s W on the step's batch (run.stepCheck). */
  checkStep(nodeId: string): void {
    if (this.run?.status === 'paused') this.send({ type: 'checkStep', nodeId });
  }

  resume(): void {
    if (this.run?.status !== 'paused') return;
    this.send({ type: 'resume' });
    this.run.status = 'running';
    this.onChange(this.run, true);
  }

  stop(): void {
    this.send({ type: 'stop' });
  }

  setLearningRate(value: number): void {
    this.send({ type: 'setLearningRate', value });
  }

  private pendingExport: {
    runId: string;
    resolve: (files: ExportFile[]) => void;
    reject: (err: Error) => void;
  } | null = null;

  /**
   * The files of `format` for the network the last run trained (it stays in its worker until the next
   * run starts). Rejects with the reason when there is none.
   */
  exportRun(runId: string, format: ExportFormat): Promise<ExportFile[]> {
    const worker = this.worker;
    if (!worker || this.run?.id !== runId || this.run.status !== 'done') {
      return Promise.reject(new Error('That run is no longer in memory: train it again, then export.'));
    }
    this.pendingExport?.reject(new Error('Another export started.'));
    return new Promise((resolve, reject) => {
      this.pendingExport = { runId, resolve, reject };
      worker.postMessage({ type: 'export', runId, format });
    });
  }

  private settleExport(message: Extract<FromWorker, { type: 'exported' | 'exportFailed' }>): void {
    const pending = this.pendingExport;
    if (!pending || pending.runId !== message.runId) return;
    this.pendingExport = null;
    if (message.type === 'exported') pending.resolve(message.files);
    else pending.reject(new Error(message.message));
  }

  private release(): void {
    this.pendingExport?.reject(new Error('The run ended.'));
    this.pendingExport = null;
    this.worker?.terminate();
    this.worker = null;
  }

  /** Ends the worker of the current run (if any) without waiting. */
  dispose(): void {
    if (this.run && IN_PROGRESS.includes(this.run.status)) {
      this.run.status = 'failed';
      this.run.failure = { message: 'Stopped: another run started.', next: null };
    }
    this.release();
  }
}
