import { exportLowering, type InferenceGraph } from './inference-graph.js';
import type { PythonClass } from './lowering.js';
import { pythonLiteral, pythonNames } from './python.js';
import type { NamedTensor } from './safetensors.js';

/** The module's Python names: a name per node id, for its module and its variable in forward. */
export function nodeNames(graph: InferenceGraph): Map<string, string> {
  const ids = graph.nodes.map((n) => n.nodeId);
  const names = pythonNames(ids);
  return new Map(ids.map((id, i) => [id, names[i] as string]));
}

const indent = (lines: readonly string[], spaces: number) => lines.map((l) => ' '.repeat(spaces) + l);

/**
 * The network class: one module per node that has one (in `self.layers`), and a forward pass that
 * computes every node from its inputs in topological order. forward(x) gives the predictions,
 * forward(x, logits=True) the output node's logits (for the loss).
 */
function networkClass(graph: InferenceGraph, names: Map<string, string>): string {
  const variable = (id: string) => (id === graph.inputId ? 'x' : (names.get(id) as string));
  const modules: string[] = [];
  const forward: string[] = [];
  if (graph.inputShape.length > 1) {
    forward.push(`x = x.reshape(x.shape[0], ${graph.inputShape.join(', ')})  # rows -> [m, h, w, c]`);
  }
  for (const node of graph.nodes) {
    const { pytorch } = exportLowering(node.kind);
    const name = variable(node.nodeId);
    const module = `self.layers[${pythonLiteral(name)}]`;
    if (pytorch.module)
      modules.push(`${module} = ${pytorch.module(node)}  # node ${pythonLiteral(node.nodeId)}`);
    forward.push(`${name} = ${pytorch.forward(node, node.inputs.map(variable), module)}`);
  }
  const out = variable(graph.outputId);
  const rank = graph.nodes.find((n) => n.nodeId === graph.outputId)?.outputShape.length ?? 1;
  forward.push(`z = ${rank > 1 ? `${out}.reshape(${out}.shape[0], -1)` : out}`);
  forward.push('return z if logits else activate(self.output_activation, z)');
  return `class NetCanvasNet(nn.Module):
    output_activation = ${pythonLiteral(graph.outputActivation)}

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict()
${indent(modules, 8).join('\n')}

    def forward(self, x, logits=False):
${indent(forward, 8).join('\n')}
`;
}

/** The classes of the kinds in the graph, each once, in the order the nodes first use them. */
function layerClasses(graph: InferenceGraph): PythonClass[] {
  const classes = new Map<string, PythonClass>();
  for (const node of graph.nodes) {
    for (const c of exportLowering(node.kind).pytorch.classes ?? []) classes.set(c.name, c);
  }
  return [...classes.values()];
}

/** The Python source of the layers' classes and the network class, after the runtime. */
export function pythonNetworkSource(graph: InferenceGraph): string {
  const names = nodeNames(graph);
  const classes = layerClasses(graph).map((c) => c.code);
  return [...classes, networkClass(graph, names)].join('\n\n');
}

/** The weights as the network's state_dict names them ("layers.dense1.linear.weight"). */
export function stateTensors(graph: InferenceGraph): NamedTensor[] {
  const names = nodeNames(graph);
  return graph.nodes.flatMap((node) => {
    const state = exportLowering(node.kind).pytorch.state?.(node) ?? [];
    return state.map((t) => ({ ...t, name: `layers.${names.get(node.nodeId)}.${t.name}` }));
  });
}
