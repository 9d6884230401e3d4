import { describe, expect, it } from 'vitest';
import { NODE_KINDS, nodeKind } from '../../engine/nodes/registry';
import { defaultParams } from '../graph/nodes';
import { describeSchema, type FieldDesc, fieldError, initialValue, setAt, switchVariant } from './describe';

const fieldsOf = (kind: string) => {
  const desc = describeSchema(nodeKind(kind)!.params);
  if (desc.type !== 'object' && desc.type !== 'variants') throw new Error(`${kind}: ${desc.type}`);
  return desc;
};
const field = (desc: FieldDesc, key: string) =>
  desc.type === 'object' ? desc.fields.find((f) => f.key === key)?.desc : undefined;

describe('describeSchema', () => {
  it('reads ranges, integers and defaults off number schemas', () => {
    const dense = fieldsOf('Dense');
    expect(field(dense, 'units')).toMatchObject({
      type: 'number',
      int: true,
      min: 1,
      max: 100_000,
      default: 10,
    });
    expect(field(dense, 'activation')).toMatchObject({
      type: 'enum',
      options: expect.arrayContaining(['relu', 'sigmoid']),
    });
    expect(field(dense, 'useBias')).toMatchObject({ type: 'boolean', default: true });
  });

  it('turns the optimizer into variants on algorithm, each with its own fields', () => {
    const opt = fieldsOf('Optimizer');
    expect(opt.type).toBe('variants');
    if (opt.type !== 'variants') return;
    expect(opt.discriminator).toBe('algorithm');
    expect(opt.variants.map((v) => v.value)).toEqual(['gd', 'momentum', 'rmsprop', 'adam']);
    const adam = opt.variants[3]!.desc;
    expect(field(adam, 'learningRate')).toMatchObject({ type: 'number', min: 0, minInclusive: false });
    expect(field(adam, 'beta2')).toMatchObject({ max: 1, maxInclusive: false, default: 0.999 });
  });

  it('reads the dataset source as nested variants and the split as a choice', () => {
    const ds = fieldsOf('Dataset');
    const source = field(ds, 'source');
    expect(source).toMatchObject({ type: 'variants', discriminator: 'kind' });
    if (source?.type !== 'variants') return;
    expect(source.variants.map((v) => v.value)).toEqual([
      'generator',
      'builtin',
      'csv',
      'inline',
      'idx',
      'imageFolder',
      'splits',
    ]);
    const images = source.variants[5]!.desc;
    expect(field(images, 'channels')).toMatchObject({ type: 'enum', options: [1, 3], default: 1 });
    const splits = source.variants[6]!.desc;
    expect(field(splits, 'test')).toMatchObject({ type: 'variants', discriminator: 'kind' });
    expect(field(splits, 'dev')).toMatchObject({ type: 'variants', optional: true });
    expect(source.variants[0]!.desc).toMatchObject({ type: 'variants', discriminator: 'name' });
    const csv = source.variants[2]!.desc;
    expect(field(csv, 'header')).toMatchObject({ type: 'enum', options: ['auto', true, false] });
    expect(field(csv, 'labelColumn')).toMatchObject({ type: 'stringOrNumber', optional: true });
    expect(field(ds, 'split')).toMatchObject({ type: 'choice' });
  });

  it('describes every param of every node kind with a form field', () => {
    for (const kind of NODE_KINDS) {
      const desc = describeSchema(kind.params);
      expect(['object', 'variants']).toContain(desc.type);
      const json = JSON.stringify(desc);
      // Only the inline data set's arrays fall back to JSON text.
      if (kind.kind !== 'Dataset') expect(json).not.toContain('"type":"json"');
    }
  });
});

describe('form values', () => {
  it("switching Adam to momentum keeps α and takes momentum's defaults", () => {
    const opt = fieldsOf('Optimizer');
    if (opt.type !== 'variants') return;
    const adam = { algorithm: 'adam', learningRate: 0.003, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    expect(switchVariant(opt, adam, 'momentum')).toEqual({
      algorithm: 'momentum',
      learningRate: 0.003,
      beta: 0.9,
    });
  });

  it('switching the source to another generator gives a valid source', () => {
    const source = field(fieldsOf('Dataset'), 'source');
    if (source?.type !== 'variants') return;
    const generator = source.variants[0]!.desc;
    if (generator.type !== 'variants') return;
    const moons = defaultParams(nodeKind('Dataset')!).source;
    const spirals = switchVariant(generator, moons, 'spirals');
    expect(spirals).toMatchObject({ kind: 'generator', name: 'spirals' });
    const schema = nodeKind('Dataset')!.params;
    expect(schema.safeParse({ source: spirals }).success).toBe(true);
    expect(schema.safeParse({ source: initialValue(source.variants[1]!.desc) }).success).toBe(true);
  });

  it('switching the source from moons to built-in gives the digits, not a built-in named moons', () => {
    const source = field(fieldsOf('Dataset'), 'source');
    if (source?.type !== 'variants') throw new Error('source is not a union');
    const moons = defaultParams(nodeKind('Dataset')!).source;
    const builtin = switchVariant(source, moons, 'builtin');
    expect(builtin).toEqual({ kind: 'builtin', name: 'digits' });
    expect(nodeKind('Dataset')!.params.safeParse({ source: builtin }).success).toBe(true);
  });

  it('reports the zod message for the edited field only', () => {
    const dense = nodeKind('Dense')!;
    const params = defaultParams(dense);
    expect(fieldError(dense.params, setAt(params, ['units'], 0), ['units'])).toMatch(/>=\s*1/);
    expect(fieldError(dense.params, setAt(params, ['units'], 4), ['units'])).toBeNull();
    const bad = setAt(setAt(params, ['l2'], -1), ['units'], 4);
    expect(fieldError(dense.params, bad, ['units'])).toBeNull();
    const opt = nodeKind('Optimizer')!;
    const adam = { algorithm: 'adam', learningRate: 0 };
    expect(fieldError(opt.params, adam, ['learningRate'])).toBe('The learning rate α must be above 0.');
  });
});

describe('the log-scale slider', () => {
  it('puts α = 0.01 half-way between 1e-5 and 10 and reads values back to two digits', async () => {
    const { sliderPosition, sliderValue } = await import('./logScale');
    const opt = fieldsOf('Optimizer');
    if (opt.type !== 'variants') return;
    const lr = field(opt.variants[3]!.desc, 'learningRate');
    if (lr?.type !== 'number') throw new Error('learningRate is a number');
    expect(sliderPosition(0.01, lr)).toBe(500);
    expect(sliderValue(500, lr)).toBe(0.01);
    expect(sliderValue(1000, lr)).toBe(10);
    expect(sliderValue(0, lr)).toBe(0.00001);
  });

  it('keeps 0 at the far left for λ, which may be 0', async () => {
    const { sliderPosition, sliderValue } = await import('./logScale');
    const l2 = field(fieldsOf('Dense'), 'l2');
    if (l2?.type !== 'number') throw new Error('l2 is a number');
    expect(sliderValue(0, l2)).toBe(0);
    expect(sliderPosition(0, l2)).toBe(0);
    expect(sliderPosition(0.00001, l2)).toBe(1);
  });
});
