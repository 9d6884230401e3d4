import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../engine/graph/analyze';
import { NODE_KINDS, nodeKind } from '../../engine/nodes/registry';
import { applyGraphChanges } from '../store/changes';
import { emptyDocument } from '../store/documents';
import { presetDocument } from '../store/testing';
import { checkConnection } from './connection';
import { layoutChanges } from './layout';
import { addNodeChanges, defaultParams } from './nodes';

describe('checkConnection', () => {
  const doc = presetDocument();
  it('allows a tensor output into a free tensor input', () => {
    const { doc: freed } = applyGraphChanges(doc, [{ type: 'removeEdge', id: 'hidden1.out->hidden2.in' }]);
    expect(
      checkConnection(freed, {
        source: 'hidden1',
        sourceHandle: 'out',
        target: 'hidden2',
        targetHandle: 'in',
      }),
    ).toBeNull();
  });
  it('refuses labels into a tensor input, naming both types', () => {
    expect(
      checkConnection(doc, { source: 'data', sourceHandle: 'y', target: 'hidden2', targetHandle: 'in' }),
    ).toEqual({
      key: 'connect.typeMismatch',
      vars: { from: 'labels', to: 'tensor', port: 'hidden2.in' },
    });
  });
  it('refuses a second edge into an input', () => {
    expect(
      checkConnection(doc, { source: 'data', sourceHandle: 'x', target: 'hidden2', targetHandle: 'in' })?.key,
    ).toBe('connect.occupied');
  });
  it('refuses a cycle and a node wired to itself', () => {
    const { doc: freed } = applyGraphChanges(doc, [{ type: 'removeEdge', id: 'data.x->hidden1.in' }]);
    expect(
      checkConnection(freed, { source: 'output', sourceHandle: 'out', target: 'hidden1', targetHandle: 'in' })
        ?.key,
    ).toBe('connect.cycle');
    expect(
      checkConnection(doc, { source: 'hidden1', sourceHandle: 'out', target: 'hidden1', targetHandle: 'in' })
        ?.key,
    ).toBe('connect.self');
  });
});

describe('addNodeChanges', () => {
  it('gives a new node every default, nested ones included', () => {
    expect(defaultParams(nodeKind('Dataset')!)).toMatchObject({
      source: { kind: 'generator', name: 'moons', n: 300 },
    });
  });

  it("wires the notes' network from an empty canvas with obvious connections only", () => {
    let doc = emptyDocument();
    const add = (kind: string, after?: string) => {
      const added = addNodeChanges(doc, kind, { x: 0, y: 0 }, after)!;
      doc = applyGraphChanges(doc, added.changes).doc;
      return added.nodeId;
    };
    const data = add('Dataset');
    const h1 = add('Dense', data);
    const h2 = add('Dense', h1);
    const out = add('Dense', h2);
    add('Loss', out); // takes the output layer and, as the only free labels, data.y
    add('Optimizer');
    add('Training'); // takes the only loss and the only optimizer
    expect(doc.edges.map((e) => e.id)).toEqual([
      'dataset1.x->dense1.in',
      'dense1.out->dense2.in',
      'dense2.out->dense3.in',
      'dense3.out->loss1.pred',
      'dataset1.y->loss1.labels',
      'loss1.loss->training1.loss',
      'optimizer1.optimizer->training1.optimizer',
    ]);
    const problems = analyzeGraph(doc).problems.map((p) => p.code);
    expect(problems).not.toContain('UNCONNECTED_PORT');
  });
});

describe('layoutChanges', () => {
  it('lays the graph out from left to right along its edges', () => {
    const doc = presetDocument();
    const moved = applyGraphChanges(doc, layoutChanges(doc, new Map())).doc;
    const x = (id: string) => moved.nodes.find((n) => n.id === id)!.position.x;
    expect(x('data')).toBeLessThan(x('hidden1'));
    expect(x('hidden2')).toBeLessThan(x('output'));
    expect(x('loss')).toBeLessThan(x('training'));
  });
});

describe('searchKinds', () => {
  it('finds kinds by name, English title or Chinese title, best match first', async () => {
    const { searchKinds } = await import('./search');
    expect(searchKinds('dense')[0]?.kind).toBe('Dense');
    expect(searchKinds('drop')[0]?.kind).toBe('Dropout');
    expect(searchKinds('全连接')[0]?.kind).toBe('Dense');
    expect(searchKinds('  ')).toHaveLength(NODE_KINDS.length);
    expect(searchKinds('zzz')).toEqual([]);
  });
});

describe('lanePath', () => {
  it('runs a long settings wire below both ends and labels it on the lane', async () => {
    const { lanePath, takesLane, LANE_DROP } = await import('../canvas/edgePath');
    const [path, x, y] = lanePath(0, 10, 800, 30);
    expect(path.startsWith('M 0 10')).toBe(true);
    expect(path.endsWith('H 800')).toBe(true);
    expect([x, y]).toEqual([400, 30 + LANE_DROP]);
    expect(takesLane('labels', 0, 800)).toBe(true);
    expect(takesLane('tensor', 0, 800)).toBe(false);
    expect(takesLane('loss', 0, 100)).toBe(false);
  });
});
