import { describe, expect, it } from 'vitest';
import type { TrainingEvent } from '../engine/train/events.js';
import { createProgressLog, duration, LOG_AT_LEAST_EVERY_MS } from './progress.js';

const epoch = (n: number) =>
  ({ type: 'epoch', epoch: n, train: { cost: 0.5 }, dev: null }) as unknown as TrainingEvent;
const update = (t: number) =>
  ({ type: 'update', t, epoch: 1, smoothedCost: 0.25 }) as unknown as TrainingEvent;

describe('the progress log where stderr is no terminal', () => {
  it('prints the first epoch and about 20 epoch lines per run', () => {
    // 100 epochs → a line every 5 epochs, plus epoch 1: 1, 5, 10, …, 100 = 21 lines.
    const log = createProgressLog(100);
    const lines = Array.from({ length: 100 }, (_, i) => log.onEvent(epoch(i + 1), i)).filter(Boolean);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('epoch 1/100: train cost 0.5000');
  });

  it('prints a line at least every few seconds while one epoch runs long', () => {
    // Updates every 2 s of one long epoch: the first 5 s of silence ends at 6 s (update 4), the next at
    // 12 s (update 7).
    const log = createProgressLog(1e9);
    const lines = [0, 2000, 4000, 6000, 8000, 10_000, 12_000].map((ms, i) => log.onEvent(update(i + 1), ms));
    expect(lines.filter(Boolean)).toEqual([
      'epoch 1/1000000000, update 4: cost 0.2500',
      'epoch 1/1000000000, update 7: cost 0.2500',
    ]);
    expect(LOG_AT_LEAST_EVERY_MS).toBe(5000);
  });
});

describe('the ETA of the progress bar', () => {
  it('reads in days and hours for a long run, not in thousands of minutes', () => {
    // 1595324m48s = 95,719,488 s = 1107 days (95,644,800 s) + 20 h (72,000 s) + 44 min 48 s.
    expect(duration(95_719_488_000)).toBe('1107d20h');
    expect(duration(7_620_000)).toBe('2h07m');
    expect(duration(185_000)).toBe('3m05s');
    expect(duration(420)).toBe('0.42s');
  });
});
