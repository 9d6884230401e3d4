import type { TrainingPlan } from '../compile/plan.js';
import type { DataSplits, LabeledData } from '../data/types.js';
import { labelMatrix } from '../model/losses.js';
import type { Network } from '../model/network.js';
import type { ExportFile } from './files.js';
import { describeNetwork, type InferenceGraph } from './inference-graph.js';
import { pythonLiteral } from './python.js';
import { PYTHON_COMMANDS } from './pytorch-commands.js';
import { pythonNetworkSource, stateTensors } from './pytorch-network.js';
import { PYTHON_RUNTIME } from './pytorch-runtime.js';
import { encodeSafetensors, type NamedTensor } from './safetensors.js';
import { utf8Encode } from './utf8.js';

export const PYTORCH_SCRIPT = 'model.py';
export const PYTORCH_WEIGHTS = 'weights.safetensors';
export const PYTORCH_DATA = 'data.safetensors';

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
# The layers of the kinds in the graph, and the network as drawn in NetCanvas:
# [m, ${graph.inputFeatures}] raw features -> [m, ${graph.outputFeatures}] predictions.
# ---------------------------------------------------------------------------------------------
${pythonNetworkSource(graph)}

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
  const metadata = { format: 'pt', producer: 'NetCanvas', graph: docText(options.plan.name) };
  const files: ExportFile[] = [
    { name: PYTORCH_SCRIPT, data: utf8Encode(pytorchSource(graph, options.plan)) },
    { name: PYTORCH_WEIGHTS, data: encodeSafetensors(stateTensors(graph), metadata) },
  ];
  if (options.splits) {
    files.push({
      name: PYTORCH_DATA,
      data: encodeSafetensors(dataTensors(options.plan, options.splits), metadata),
    });
  }
  return files;
}
