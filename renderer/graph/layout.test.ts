import { describe, expect, it } from 'vitest';
import { type LayerSpec, sequentialDocument } from '../../engine/document/build';
import type { GraphDocument } from '../../engine/document/schema';
import { analyzeGraph } from '../../engine/graph/analyze';
import { type Box, laneAround } from '../canvas/edgePath';
import { applyGraphChanges } from '../store/changes';
import { estimateCardSize, LABEL_CLEARANCE, layoutChanges, shapeLabelWidth } from './layout';

const moons = { source: { kind: 'generator', name: 'moons', n: 200 } };

/** The document auto layout gives, and its cards as boxes (sizes as estimated before measuring). */
function laidOut(doc: GraphDocument) {
  const { edgeShapes } = analyzeGraph(doc);
  const laid = applyGraphChanges(doc, layoutChanges(doc, new Map(), edgeShapes)).doc;
  const boxes = new Map<string, Box>(
    laid.nodes.map((n) => [n.id, { id: n.id, ...n.position, ...estimateCardSize(n.kind) }]),
  );
  return { laid, boxes, edgeShapes };
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectNoOverlap(boxes: Map<string, Box>) {
  const all = [...boxes.values()];
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1)) expect(overlap(a, b), `${a.id} / ${b.id}`).toBe(false);
}

describe('auto layout of branching graphs', () => {
  const residual: LayerSpec[] = [
    { kind: 'Dense', id: 'dense1', params: { units: 8 } },
    { kind: 'Dense', id: 'dense2', params: { units: 8 } },
    { kind: 'Add', id: 'add', inputs: ['dense2', 'dense1'] },
    { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
  ];

  it('lays a residual block out with no overlap and its skip connection clear around the block', () => {
    const { boxes } = laidOut(sequentialDocument({ dataset: moons, layers: residual }));
    expectNoOverlap(boxes);
    const x = (id: string) => boxes.get(id)!.x;
    expect(x('dense1')).toBeLessThan(x('dense2'));
    expect(x('dense2')).toBeLessThan(x('add'));
    // The skip wire dense1.out → add.in, ports at mid-height, as the canvas routes it.
    const d1 = boxes.get('dense1')!;
    const a = boxes.get('add')!;
    const [sx, sy, tx, ty] = [d1.x + d1.width, d1.y + d1.height / 2, a.x, a.y + a.height / 2];
    const lane = laneAround(sx, sy, tx, ty, [...boxes.values()], false, ['dense1', 'add']);
    expect(lane).not.toBeNull();
    // Its level stretch and its label (22 high) touch no card.
    const label: Box = {
      id: 'label',
      x: lane!.from,
      y: lane!.y - 11,
      width: lane!.to - lane!.from,
      height: 22,
    };
    for (const card of boxes.values()) expect(overlap(label, card), card.id).toBe(false);
  });

  it('makes each gap wide enough for the shape labels crossing it, [m, 8, 8, 1] included', () => {
    const cnn: LayerSpec[] = [
      { kind: 'Conv2D', id: 'conv', params: { filters: 8 } },
      { kind: 'MaxPool2D', id: 'pool' },
      { kind: 'Flatten', id: 'flat' },
      { kind: 'Dense', id: 'dense', params: { units: 10, activation: 'linear' } },
      { kind: 'Softmax', id: 'softmax' },
    ];
    const doc = sequentialDocument({
      dataset: { source: { kind: 'builtin', name: 'digits' } },
      layers: cnn,
      loss: { fn: 'categoricalCrossEntropy' },
    });
    const { laid, boxes, edgeShapes } = laidOut(doc);
    expectNoOverlap(boxes);
    expect(edgeShapes['data.x->conv.in']).toBe('[m, 8, 8, 1]');
    expect(edgeShapes['pool.out->flat.in']).toBe('[m, 4, 4, 8]');
    for (const edge of laid.edges) {
      const shape = edgeShapes[edge.id];
      if (!shape || edge.target === 'loss') continue;
      const source = boxes.get(edge.source)!;
      const gap = boxes.get(edge.target)!.x - (source.x + source.width);
      // "[m, 8, 8, 1]": 12 · 6.7 + 19 = 99.4 → 100, plus 10 of air on each side (±1 for rounding).
      expect(gap, edge.id).toBeGreaterThanOrEqual(shapeLabelWidth(shape) + 2 * LABEL_CLEARANCE - 1);
    }
  });

  it('stacks two branches of one fork in the order the merge takes them, x₁ on top', () => {
    const branches = (inputs: string[]): LayerSpec[] => [
      { kind: 'Dense', id: 'wide', params: { units: 16 }, inputs: ['data'] },
      { kind: 'Dense', id: 'narrow', params: { units: 4 }, inputs: ['data'] },
      { kind: 'Concatenate', id: 'cat', inputs },
      { kind: 'Dense', id: 'out', params: { units: 1, activation: 'sigmoid' } },
    ];
    for (const [first, second] of [
      ['wide', 'narrow'],
      ['narrow', 'wide'],
    ] as const) {
      const { boxes } = laidOut(sequentialDocument({ dataset: moons, layers: branches([first, second]) }));
      expectNoOverlap(boxes);
      // One rank (centred on one x; the cards differ a little in width).
      expect(Math.abs(boxes.get(first)!.x - boxes.get(second)!.x)).toBeLessThan(20);
      expect(boxes.get(first)!.y, `${first} over ${second}`).toBeLessThan(boxes.get(second)!.y);
    }
  });
});
