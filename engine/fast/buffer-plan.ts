/**
 * Where the fast executor keeps each node's output and gradient, and how gradients reach a node that
 * feeds several others: a pure function of the graph, tested on its own.
 *
 * Forward: every node writes its own output buffer [m_b, features]. Backward runs in reverse
 * topological order over the nodes that need it; the first consumer to reach a producer writes ∂J/∂
 * (producer's output) straight into the producer's gradient buffer, and every later one writes into a
 * scratch buffer that the executor then adds to it, so a fan-out sums its gradients without zeroing.
 */

/** A node as the buffer plan needs it. */
export interface BufferNode {
  nodeId: string;
  /** Producer ids: earlier nodes, or the data set's id for x. */
  inputs: readonly string[];
  /** Values per example of its output. */
  features: number;
  /** It has trainable parameters. */
  trainable: boolean;
}

/** Where a consumer writes the gradient of one of its inputs. */
export type InputGradient =
  /** Not needed: the input is x, or nothing before it trains. */
  | null
  /** Straight into the producer's gradient buffer. */
  | { producer: number; scratch: null }
  /** Into scratch buffer `scratch`, then added to the producer's gradient buffer. */
  | { producer: number; scratch: number };

export interface NodeBuffers {
  nodeId: string;
  /** Index of each input's producer among the nodes, or -1 for x. */
  inputs: number[];
  features: number;
  /** Backward runs through this node: it or a node before it trains, and it reaches the output. */
  backward: boolean;
  /** One per input; all null when `backward` is false. */
  inputGradients: InputGradient[];
}

export interface BufferPlan {
  nodes: NodeBuffers[];
  /** Index of the output node (the loss reads its buffer and writes its gradient). */
  output: number;
  /** Scratch gradient buffers needed at once (a merge taking one producer twice needs two). */
  scratchCount: number;
  /** Values per example of the widest gradient that goes through a scratch buffer (0 when none). */
  scratchFeatures: number;
}

/**
 * The buffer plan of nodes in topological order, x's id `inputId`, feeding the loss from `outputId`.
 * E.g. x → a → {b, c} → add(b, c), in that order: add writes b's and c's gradients directly; then c
 * writes a's directly, and b writes it into scratch 0, which the executor adds to a's.
 */
export function planBuffers(nodes: readonly BufferNode[], inputId: string, outputId: string): BufferPlan {
  const index = new Map(nodes.map((n, i) => [n.nodeId, i]));
  const output = index.get(outputId);
  if (output === undefined) throw new Error(`The output ${outputId} is not a node.`);
  const producer = (id: string): number => {
    if (id === inputId) return -1;
    const i = index.get(id);
    if (i === undefined) throw new Error(`Unknown input ${id}.`);
    return i;
  };
  const inputs = nodes.map((n) => n.inputs.map(producer));
  // Reaches the output: the output itself, or an input of a node that does (reverse order).
  const reaches = nodes.map((_, i) => i === output);
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (reaches[i]) for (const p of inputs[i] as number[]) if (p >= 0) reaches[p] = true;
  }
  const trains = nodes.map((n) => n.trainable);
  for (const [i, ins] of inputs.entries()) {
    if (ins.some((p) => p >= 0 && trains[p])) trains[i] = true;
  }
  const backward = nodes.map((_, i) => (trains[i] && reaches[i]) === true);
  const written = new Set<number>();
  let scratchCount = 0;
  let scratchFeatures = 0;
  const gradients: InputGradient[][] = nodes.map(() => []);
  for (let i = nodes.length - 1; i >= 0; i--) {
    let scratch = 0;
    gradients[i] = (inputs[i] as number[]).map((p): InputGradient => {
      if (!backward[i] || p < 0 || !backward[p]) return null;
      if (!written.has(p)) {
        written.add(p);
        return { producer: p, scratch: null };
      }
      scratchFeatures = Math.max(scratchFeatures, (nodes[p] as BufferNode).features);
      return { producer: p, scratch: scratch++ };
    });
    scratchCount = Math.max(scratchCount, scratch);
  }
  return {
    nodes: nodes.map((n, i) => ({
      nodeId: n.nodeId,
      inputs: inputs[i] as number[],
      features: n.features,
      backward: backward[i] as boolean,
      inputGradients: gradients[i] as InputGradient[],
    })),
    output,
    scratchCount,
    scratchFeatures,
  };
}
