import { describe, expect, it } from 'vitest';
import { sequentialDocument } from '../../engine/document/build';
import { differingSettings } from './settingsDiff';

describe('comparing the settings of runs', () => {
  it('lists only what differs, e.g. gradient descent vs Adam', () => {
    const layers = [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }];
    const gd = sequentialDocument({ layers, optimizer: { algorithm: 'gd', learningRate: 0.1 } });
    const adam = sequentialDocument({ layers, optimizer: { algorithm: 'adam', learningRate: 0.1 } });
    expect(differingSettings([gd, adam])).toEqual([
      { key: 'optimizer.algorithm', values: ['"gd"', '"adam"'] },
    ]);
  });
});
