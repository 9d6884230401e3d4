import type { DoneEvent, StartEvent, StopReason } from '../../engine/train/events';
import type { WorkerFactory, WorkerLike } from './client';
import type { FromWorker, ToWorker } from './protocol';

/** A worker that records what it is sent and replies only when a test tells it to. */
export class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  /** The id of the run, check or search this worker was started with. */
  get id(): string {
    const first = this.sent[0] as { runId?: string } | undefined;
    return first?.runId ?? '';
  }
}

/** A worker factory that keeps every worker it made, newest last. */
export function fakeWorkers(): { factory: WorkerFactory; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    factory: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  };
}

/** The `start` event of a one-epoch run on the CPU; `m` and the rest as the test needs them. */
export function startEvent(overrides: Partial<StartEvent> = {}): StartEvent {
  return {
    type: 'start',
    backend: 'cpu',
    executor: 'tfjs',
    timings: [],
    epochs: 1,
    updatesPerEpoch: 1,
    batchSize: 1,
    m: { train: 1, dev: 0, test: 0 },
    parameterCount: 1,
    notes: [],
    ...overrides,
  };
}

/** The `done` event a run ends with. */
export function doneEvent(reason: StopReason = 'epochs'): DoneEvent {
  return {
    type: 'done',
    reason,
    message: reason,
    epochs: 1,
    updates: 1,
    bestEpoch: 1,
    restoredBest: false,
    train: { cost: 0.5, loss: 0.5, accuracy: 0.8, m: 10 },
    dev: { cost: 0.6, loss: 0.6, accuracy: 0.7, m: 5 },
    test: null,
    elapsedMs: 1,
  };
}

/** Ends the run a fake worker trains. */
export function finishRun(worker: FakeWorker, reason: StopReason = 'epochs'): void {
  worker.reply({ type: 'events', runId: worker.id, events: [doneEvent(reason)] });
}
