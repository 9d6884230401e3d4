import type { LayerPlan, TrainingPlan } from '../compile/plan.js';
import type { DataSplits, LabeledData } from '../data/types.js';
import { labelMatrix } from '../model/losses.js';
import type { Network } from '../model/network.js';
import type { AugmentParams } from '../nodes/augment/index.js';
import type { DenseParams } from '../nodes/dense/index.js';
import type { ExportFile } from './files.js';
import { describeNetwork, type InferenceGraph, type InferenceLayer } from './inference-graph.js';
import { PYTHON_COMMANDS } from './pytorch-commands.js';
import { PYTHON_RUNTIME } from './pytorch-runtime.js';
import { encodeSafetensors, type NamedTensor } from './safetensors.js';
import { utf8Encode } from './utf8.js';

export const PYTORCH_SCRIPT = 'model.py';
export const PYTORCH_WEIGHTS = 'weights.safetensors';
export const PYTORCH_DATA = 'data.safetensors';

/** A Python literal for plain data (numbers, strings, booleans, null, arrays, objects). */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `float('${value}')`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`).join(', ')}}`;
}

/** Module names for node ids: Python identifiers, unique ("dense-1" → "dense_1"). */
function moduleNames(layers: InferenceLayer[]): string[] {
  const used = new Set<string>();
  return layers.map(({ nodeId }) => {
    let base = nodeId.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `layer_${base}`;
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  });
}

/** The Python constructor call for one layer, e.g. "Dense(2, 5, bias=True, activation='relu', …)". */
function moduleConstructor(layer: InferenceLayer, plan: LayerPlan | undefined): string {
  const op = layer.ops[0];
  const params = (plan?.params ?? {}) as Record<string, unknown>;
  switch (op?.op) {
    case 'normalize':
      return `Normalize(${op.features})`;
    case 'dense': {
      const p = params as Partial<DenseParams>;
      return `Dense(${op.inputs}, ${op.units}, bias=${pythonLiteral(op.bias !== null)}, activation=${pythonLiteral(p.activation ?? 'linear')}, alpha=${pythonLiteral(p.leakyAlpha ?? 0)}, l2=${pythonLiteral(p.l2 ?? 0)}, l1=${pythonLiteral(p.l1 ?? 0)})`;
    }
    case 'batchNorm':
      return `BatchNorm(${op.units}, epsilon=${pythonLiteral(op.epsilon)}, momentum=${pythonLiteral(op.momentum)})`;
    case 'activation':
      return `Activation(${pythonLiteral(op.fn)}, alpha=${pythonLiteral(op.alpha)})`;
    case 'softmax':
      return `Activation('softmax')`;
    case 'dropout':
      return `Dropout(${pythonLiteral(op.keepProb)})`;
    case 'augment': {
      const p = params as Partial<AugmentParams>;
      const input = plan?.inputShapes[0] ?? [];
      const shape = input.length === 3 ? input : [1, plan?.inputFeatures ?? 1, 1];
      return `Augment(${pythonLiteral(shape)}, max_shift=${pythonLiteral(p.maxShift ?? 0)}, flip_horizontal=${pythonLiteral(p.flipHorizontal ?? false)})`;
    }
    default:
      throw new Error(`No PyTorch module for layer "${layer.nodeId}" (${layer.kind}).`);
  }
}

/** The weights as the generated module's state_dict names them. */
function stateTensors(graph: InferenceGraph, names: string[]): NamedTensor[] {
  const out: NamedTensor[] = [];
  const f32 = (name: string, shape: number[], data: Float32Array) =>
    out.push({ name, dtype: 'F32', shape, data });
  graph.layers.forEach((layer, i) => {
    const key = `layers.${names[i]}`;
    const op = layer.ops[0];
    if (op?.op === 'normalize') {
      f32(`${key}.mean`, [op.features], op.mean);
      f32(`${key}.inv_std`, [op.features], op.invStd);
    } else if (op?.op === 'dense') {
      // nn.Linear keeps W transposed: weight[j][i] = W[i][j].
      const weight = new Float32Array(op.weight.length);
      for (let r = 0; r < op.inputs; r++)
        for (let c = 0; c < op.units; c++) weight[c * op.inputs + r] = op.weight[r * op.units + c] as number;
      f32(`${key}.linear.weight`, [op.units, op.inputs], weight);
      if (op.bias) f32(`${key}.linear.bias`, [op.units], op.bias);
    } else if (op?.op === 'batchNorm') {
      f32(`${key}.gamma`, [op.units], op.gamma);
      f32(`${key}.beta`, [op.units], op.beta);
      f32(`${key}.moving_mean`, [op.units], op.movingMean);
      f32(`${key}.moving_variance`, [op.units], op.movingVariance);
      out.push({ name: `${key}.steps`, dtype: 'I64', shape: [], data: BigInt64Array.of(BigInt(op.steps)) });
    }
  });
  return out;
}

/** The splits as `load_data()` reads them: x raw, y in the loss's layout. */
export function dataTensors(plan: TrainingPlan, splits: DataSplits): NamedTensor[] {
  const pair = (name: string, data: LabeledData): NamedTensor[] => {
    const y = labelMatrix(plan.loss, data);
    return [
      { name: `x_${name}`, dtype: 'F32', shape: [data.m, data.features], data: data.x },
      { name: `y_${name}`, dtype: 'F32', shape: [data.m, y.columns], data: y.values },
    ];
  };
  return [...pair('train', splits.train), ...pair('dev', splits.dev), ...pair('test', splits.test)];
}

/** One line, safe inside a Python docstring. */
const docText = (text: string) => text.replace(/["\\\r\n]+/g, ' ').trim();

/** The whole Python file: header, runtime, the generated network and settings, the commands. */
export function pytorchSource(graph: InferenceGraph, plan: TrainingPlan): string {
  const names = moduleNames(graph.layers);
  const byId = new Map(plan.layers.map((l) => [l.nodeId, l]));
  const modules = graph.layers.map(
    (layer, i) =>
      `        self.layers[${pythonLiteral(names[i])}] = ${moduleConstructor(layer, byId.get(layer.nodeId))}  # node ${pythonLiteral(layer.nodeId)}`,
  );
  const training = {
    loss: plan.loss,
    optimizer: plan.optimizer,
    schedule: plan.schedule,
    training: plan.training,
    classes: plan.data.classes,
  };
  const title = docText(plan.name) || 'NetCanvas model';
  return `#!/usr/bin/env python3
"""${title}: a network trained in NetCanvas, as a PyTorch nn.Module.

The trained weights are in ${PYTORCH_WEIGHTS} beside this file (a safetensors file, read by the
code below: PyTorch 1.13 or later and nothing else is needed). The training setup is NetCanvas's:
the loss, the optimizer with the update rules of spec section 8, the learning-rate schedule, the
mini-batch size and the shuffling, so training can go on here, and on several machines.

Usage
  python3 ${PYTORCH_SCRIPT} predict --input x.safetensors --output y.safetensors
  python3 ${PYTORCH_SCRIPT} train --epochs 50 --save trained.safetensors
  torchrun --nproc_per_node=2 ${PYTORCH_SCRIPT} train --epochs 50    # DistributedDataParallel
  torchrun --nnodes=2 --node_rank=0 --master_addr=HOST --nproc_per_node=4 ${PYTORCH_SCRIPT} train

Under torchrun every process cuts the same global mini-batches and trains on its share of each
(gloo on the CPU, nccl with --device cuda). Batch norm then normalizes each process's share.
Debian's PyTorch 1.13 on Python 3.11 needs "--redirects 1 --tee 1" after torchrun (its launcher
cannot parse the default "0" there).
The optimizer's moments start from zero: NetCanvas exports the weights, not the optimizer state.
"""
import argparse
import json
import math
import os
import struct
import sys

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
${PYTHON_RUNTIME}

# ---------------------------------------------------------------------------------------------
# The network, as drawn in NetCanvas: [m, ${graph.inputFeatures}] raw features -> [m, ${graph.outputFeatures}] predictions.
# ---------------------------------------------------------------------------------------------
class NetCanvasNet(SequentialNet):
    output_activation = ${pythonLiteral(graph.outputActivation)}

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict()
${modules.join('\n')}


# The run's settings, with NetCanvas's names (docs/graph-format.md): loss, optimizer, schedule,
# mini-batches, epochs, seed, early stopping; classes is None for regression targets.
TRAINING = ${pythonLiteral(training)}
${PYTHON_COMMANDS}`;
}

export interface PyTorchExportOptions {
  plan: TrainingPlan;
  /** When given, the splits go along as data.safetensors, so `train` runs as exported. */
  splits?: DataSplits;
}

/**
 * The trained network for PyTorch: model.py (nn.Module, safetensors reader, the spec's optimizer
 * and a torchrun-ready training loop), weights.safetensors and, with the splits, data.safetensors.
 */
export async function exportPyTorch(network: Network, options: PyTorchExportOptions): Promise<ExportFile[]> {
  const graph = await describeNetwork(network);
  const names = moduleNames(graph.layers);
  const metadata = { format: 'pt', producer: 'NetCanvas', graph: docText(options.plan.name) };
  const files: ExportFile[] = [
    { name: PYTORCH_SCRIPT, data: utf8Encode(pytorchSource(graph, options.plan)) },
    { name: PYTORCH_WEIGHTS, data: encodeSafetensors(stateTensors(graph, names), metadata) },
  ];
  if (options.splits) {
    files.push({
      name: PYTORCH_DATA,
      data: encodeSafetensors(dataTensors(options.plan, options.splits), metadata),
    });
  }
  return files;
}
