import { describe, expect, it } from 'vitest';
import { formatDuration, progressFigures } from './format';

describe('progress figures', () => {
  it('works out updates per second and the ETA', () => {
    // 500 of 2000 updates in 2 s: 250 updates/s, 1500 left → 6 s.
    expect(progressFigures({ updates: 500, totalUpdates: 2000, elapsedMs: 2000 })).toEqual({
      rate: 250,
      etaMs: 6000,
      fraction: 0.25,
    });
  });

  it('formats durations', () => {
    expect([formatDuration(4_400), formatDuration(185_000), formatDuration(3_720_000)]).toEqual([
      '4s',
      '3m05s',
      '1h02m',
    ]);
  });
});
