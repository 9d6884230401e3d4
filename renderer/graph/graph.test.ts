import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../engine/graph/analyze';
import { NODE_KINDS, nodeKind } from '../../engine/nodes/registry';
import { applyGraphChanges } from '../store/changes';
import { emptyDocument } from '../store/documents';
import { presetDocument } from '../store/testing';
import { checkConnection, connectionChanges } from './connection';
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
  it('lets a new edge into an occupied input replace the old one, in one step', () => {
    const c = { source: 'data', sourceHandle: 'x', target: 'hidden2', targetHandle: 'in' };
    expect(checkConnection(doc, c)).toBeNull();
    const changes = connectionChanges(doc, c)!;
    expect(changes.map((ch) => ch.type)).toEqual(['removeEdge', 'addEdge']);
    const after = applyGraphChanges(doc, changes).doc;
    const into = after.edges.filter((e) => e.target === 'hidden2').map((e) => e.id);
    expect(into).toEqual(['data.x->hidden2.in']);
    // Undo (the inverse) brings back the edge from hidden1.
    const undone = applyGraphChanges(after, applyGraphChanges(doc, changes).inverse).doc;
    expect(undone.edges.map((e) => e.id).sort()).toEqual(doc.edges.map((e) => e.id).sort());
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

  it('splices a node added after A into the edge A → B, so it becomes A → new → B', () => {
    const doc = presetDocument();
    const added = addNodeChanges(doc, 'Dropout', { x: 0, y: 0 }, 'hidden1')!;
    const after = applyGraphChanges(doc, added.changes).doc;
    const ids = after.edges.map((e) => e.id);
    expect(ids).not.toContain('hidden1.out->hidden2.in');
    expect(ids).toContain('hidden1.out->dropout1.in');
    expect(ids).toContain('dropout1.out->hidden2.in');
    expect(analyzeGraph(after).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('leaves a port with two edges leaving it (a skip connection) alone and only wires A → new', () => {
    let doc = presetDocument();
    doc = applyGraphChanges(doc, addNodeChanges(doc, 'Dense', { x: 0, y: 0 })!.changes).doc;
    const skip = connectionChanges(doc, {
      source: 'hidden1',
      sourceHandle: 'out',
      target: 'dense1',
      targetHandle: 'in',
    })!;
    doc = applyGraphChanges(doc, skip).doc;
    const added = addNodeChanges(doc, 'Dropout', { x: 0, y: 0 }, 'hidden1')!;
    const after = applyGraphChanges(doc, added.changes).doc;
    expect(after.edges.filter((e) => e.source === 'hidden1').map((e) => e.target)).toEqual([
      'hidden2',
      'dense1',
      'dropout1',
    ]);
    expect(after.edges.filter((e) => e.source === 'dropout1')).toEqual([]);
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
