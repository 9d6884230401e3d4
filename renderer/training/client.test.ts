import { afterEach, describe, expect, it, vi } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import { TrainingClient } from './client';
import type { FakeWorker } from './testing';
import { fakeWorkers, finishRun, startEvent } from './testing';

const doc = sequentialDocument({ layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }] });

function setup() {
  const { factory, workers } = fakeWorkers();
  const changes: string[] = [];
  const client = new TrainingClient(factory, (run, statusChanged) =>
    changes.push(`${run.status}${statusChanged ? '!' : ''}`),
  );
  return { client, workers, changes };
}

describe('the training client', () => {
  it('starts each run in a fresh worker and relays pause, resume, stop and α', () => {
    const { client, workers } = setup();
    const run = client.start({ document: doc, label: 'Run 1', seed: 3, backend: 'wasm' });
    expect(workers[0]!.sent[0]).toMatchObject({ type: 'start', runId: run.id, seed: 3, backend: 'wasm' });
    workers[0]!.reply({
      type: 'events',
      runId: run.id,
      events: [startEvent({ backend: 'wasm' })],
    });
    client.pause();
    expect(run.status).toBe('paused');
    client.resume();
    client.setLearningRate(0.5);
    client.stop();
    expect(workers[0]!.sent.map((m) => m.type)).toEqual([
      'start',
      'pause',
      'resume',
      'setLearningRate',
      'stop',
    ]);
    client.start({ document: doc, label: 'Run 2', seed: 4, backend: 'auto' });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('marks the run failed when the worker dies, and the app can train again', () => {
    const { client, workers, changes } = setup();
    const run = client.start({ document: doc, label: 'Run 1', seed: 1, backend: 'auto' });
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(run.status).toBe('failed');
    expect(run.failure?.message).toContain('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    expect(changes.at(-1)).toBe('failed!');
    const again = client.start({ document: doc, label: 'Run 2', seed: 1, backend: 'auto' });
    expect(again.status).toBe('starting');
  });

  it('keeps a finished run’s worker for export, and ends it when the next run starts', async () => {
    const { client, workers } = setup();
    const run = client.start({ document: doc, label: 'Run 1', seed: 1, backend: 'auto' });
    workers[0]!.reply({
      type: 'events',
      runId: run.id,
      events: [
        {
          type: 'done',
          reason: 'epochs',
          message: 'Trained 1 epochs.',
          epochs: 1,
          updates: 1,
          bestEpoch: 1,
          restoredBest: false,
          train: null,
          dev: null,
          test: null,
          elapsedMs: 1,
        },
      ],
    });
    expect(run.status).toBe('done');
    expect(workers[0]!.terminated).toBe(false);
    const files = client.exportRun(run.id, 'onnx');
    expect(workers[0]!.sent.at(-1)).toEqual({ type: 'export', runId: run.id, format: 'onnx' });
    workers[0]!.reply({
      type: 'exported',
      runId: run.id,
      format: 'onnx',
      files: [{ name: 'model.onnx', data: new Uint8Array([1, 2]) }],
    });
    expect((await files).map((f) => f.name)).toEqual(['model.onnx']);
    await expect(client.exportRun('another-run', 'tfjs')).rejects.toThrow(/train it again/);
    client.start({ document: doc, label: 'Run 2', seed: 1, backend: 'auto' });
    expect(workers[0]!.terminated).toBe(true);
  });

  describe('lifeline', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** A client whose workers' lifelines the test releases, as the browser does when a worker dies. */
    function withLifelines() {
      const { factory, workers } = fakeWorkers();
      const release = new Map<string, () => void>();
      const client = new TrainingClient(
        factory,
        () => {},
        (runId) => new Promise((gone) => release.set(runId, gone)),
      );
      /** The worker takes its lock (it tells the client), then its context is gone. */
      const holds = (worker: FakeWorker) => worker.reply({ type: 'lifeline', runId: worker.id });
      const dies = async (worker: FakeWorker) => {
        release.get(worker.id)?.();
        await Promise.resolve();
      };
      return { client, workers, holds, dies };
    }

    it('marks a running run failed as soon as its worker is gone without an error, keeping its curves', async () => {
      const { client, workers, holds, dies } = withLifelines();
      const run = client.start({ document: doc, label: 'Run 1', seed: 1, backend: 'auto' });
      const worker = workers[0]!;
      holds(worker);
      worker.reply({ type: 'events', runId: run.id, events: [startEvent()] });
      worker.reply({
        type: 'updates',
        runId: run.id,
        columns: {
          t: new Float64Array([1, 2]),
          cost: new Float64Array([0.7, 0.6]),
          smoothed: new Float64Array([0.7, 0.65]),
          lr: new Float64Array([0.1, 0.1]),
        },
      });
      await dies(worker);
      expect(run.status).toBe('failed');
      expect(run.failure?.message).toBe('The training worker stopped without a word (the browser ended it).');
      expect(worker.terminated).toBe(true);
      expect(Array.from(run.updates.cost.view())).toEqual([0.7, 0.6]);
    });

    it('leaves a busy worker alone however long it is silent (a heartbeat would have failed it)', () => {
      vi.useFakeTimers();
      const { client, workers, holds } = withLifelines();
      const run = client.start({ document: doc, label: 'Run 1', seed: 1, backend: 'auto' });
      holds(workers[0]!);
      workers[0]!.reply({ type: 'events', runId: run.id, events: [startEvent()] });
      vi.advanceTimersByTime(60_000);
      expect(run.status).toBe('running');
    });

    it('ignores the worker of a finished run and one the client ended itself', async () => {
      const { client, workers, holds, dies } = withLifelines();
      const finished = client.start({ document: doc, label: 'Run 1', seed: 1, backend: 'auto' });
      holds(workers[0]!);
      finishRun(workers[0]!);
      await dies(workers[0]!);
      expect(finished.status).toBe('done');
      const replaced = client.start({ document: doc, label: 'Run 2', seed: 1, backend: 'auto' });
      holds(workers[1]!);
      const next = client.start({ document: doc, label: 'Run 3', seed: 1, backend: 'auto' });
      await dies(workers[1]!);
      expect(replaced.failure?.message).toBe('Stopped: another run started.');
      expect(next.status).toBe('starting');
    });
  });
});
