import { splitSizesOf } from '../data/split.js';
import type { DataDescription } from '../data/types.js';
import type { DatasetParams } from '../nodes/dataset.js';
import type { LossParams } from '../nodes/loss.js';
import { sizeOf } from '../nodes/shape.js';
import { batchSizeFor, type TrainingParams } from '../nodes/training.js';
import type { AnyLayerKind, TensorShape } from '../nodes/types.js';
import { detailed, error, type Problem, warning } from '../problems.js';
import type { ResolvedNode } from './resolve.js';
import type { RunTopology } from './topology.js';

/** Stage 6a: the loss must fit the output layer and the labels (spec §13). */
export function checkLoss(
  topology: RunTopology,
  resolved: Map<string, ResolvedNode>,
  output: TensorShape | null,
  data: DataDescription | null,
): Problem[] {
  const loss = resolved.get(topology.lossId);
  const lastId = topology.outputId;
  const last = lastId !== null ? resolved.get(lastId) : undefined;
  if (!loss || !last) {
    return lastId !== null
      ? []
      : [
          detailed(
            error(
              'SHAPE_MISMATCH',
              topology.lossId,
              'The network has no layers: connect at least one Dense between the data set and the loss.',
            ),
            'noLayers',
            {},
          ),
        ];
  }
  const { fn } = loss.params as LossParams;
  const ends = (last.kind as AnyLayerKind).endsIn(last.params);
  const units = output ? sizeOf(output) : null;
  if (output?.dims && output.dims.length > 1) {
    return [
      detailed(
        error(
          'SHAPE_MISMATCH',
          lastId,
          `The network's output is [m, ${output.dims.join(', ')}]; the loss compares rows of [m, units]. Put a Flatten and a Dense before the loss.`,
        ),
        'outputNotFlat',
        { dims: output.dims.join(', ') },
      ),
    ];
  }
  const classes = data?.classes;
  const problems: Problem[] = [];
  const lossId = topology.lossId;
  if (fn === 'binaryCrossEntropy') {
    if (ends !== 'sigmoid') {
      problems.push(
        detailed(
          error(
            'LOSS_MISMATCH',
            lossId,
            `Binary cross-entropy needs a sigmoid output, but "${lastId}" does not end in sigmoid. Set its activation to sigmoid.`,
          ),
          'bceNeedsSigmoid',
          { id: lastId ?? '' },
        ),
      );
    }
    if (units !== null && units !== 1) {
      problems.push(
        detailed(
          error(
            'SHAPE_MISMATCH',
            lastId,
            `Sigmoid with binary cross-entropy needs 1 output unit; "${lastId}" has ${units}. For C classes use Softmax with categorical cross-entropy.`,
          ),
          'bceNeedsOneUnit',
          { id: lastId ?? '', units },
        ),
      );
    }
    if (classes === null)
      problems.push(
        detailed(
          error('LOSS_MISMATCH', lossId, 'The labels are regression targets; use mean squared error.'),
          'regressionTargets',
          {},
        ),
      );
    else if (classes !== undefined && classes > 2) {
      problems.push(
        detailed(
          error(
            'LOSS_MISMATCH',
            lossId,
            `The data set has ${classes} classes; binary cross-entropy is for 2. Use Softmax with categorical cross-entropy.`,
          ),
          'bceTwoClasses',
          { classes },
        ),
      );
    }
  } else if (fn === 'categoricalCrossEntropy') {
    if (ends !== 'softmax') {
      problems.push(
        detailed(
          error(
            'LOSS_MISMATCH',
            lossId,
            `Categorical cross-entropy needs a Softmax output; "${lastId}" is not a Softmax node.`,
          ),
          'cceNeedsSoftmax',
          { id: lastId ?? '' },
        ),
      );
    }
    if (classes === null)
      problems.push(
        detailed(
          error('LOSS_MISMATCH', lossId, 'The labels are regression targets; use mean squared error.'),
          'regressionTargets',
          {},
        ),
      );
    else if (classes !== undefined && units !== null && units !== classes) {
      problems.push(
        detailed(
          error(
            'SHAPE_MISMATCH',
            lastId,
            `The output has ${units} units but the data set has ${classes} classes: Softmax needs one unit per class (C = ${classes}).`,
          ),
          'unitsPerClass',
          { units, classes },
        ),
      );
    }
  } else if (data && units !== null) {
    const expected = data.classes === null ? data.targets : data.classes <= 2 ? 1 : data.classes;
    if (units !== expected) {
      problems.push(
        detailed(
          error(
            'SHAPE_MISMATCH',
            lastId,
            `Mean squared error compares ${units} outputs with ${expected} label column${expected === 1 ? '' : 's'}: make the last layer ${expected} unit${expected === 1 ? '' : 's'}.`,
          ),
          'mseColumns',
          { units, expected },
        ),
      );
    }
  }
  return problems;
}

/** Stage 6b: mini-batch settings against the training-set size (spec §6), early stopping against the dev set. */
export function checkTraining(
  topology: RunTopology,
  resolved: Map<string, ResolvedNode>,
  data: DataDescription | null,
): Problem[] {
  const training = resolved.get(topology.trainingId);
  const dataset = resolved.get(topology.datasetId);
  if (!training || !dataset || data?.m == null) return [];
  const params = training.params as TrainingParams;
  const { train, dev } = splitSizesOf({ ...data, m: data.m }, (dataset.params as DatasetParams).split);
  const problems: Problem[] = [];
  const id = topology.trainingId;
  if (train < 1)
    problems.push(
      detailed(
        error('DATASET', topology.datasetId, `The split leaves no training examples (m = ${data.m}).`),
        'noTrainingExamples',
        { m: data.m },
      ),
    );
  if (params.batchMode === 'mini' && params.batchSize > train && train > 0) {
    problems.push(
      detailed(
        error(
          'INVALID_PARAM',
          id,
          `The mini-batch size ${params.batchSize} is above the training-set size m = ${train}. Use at most ${train}, or batch mode "full".`,
          'batchSize',
        ),
        'batchAboveM',
        { batch: params.batchSize, m: train },
      ),
    );
  }
  if (params.batchMode === 'full' && train > 2000) {
    problems.push(
      detailed(
        warning(
          'BATCH_GD_LARGE_M',
          id,
          `Batch gradient descent over m = ${train} examples is slow per update; the notes use mini-batches (64–512) above m = 2000.`,
          'batchMode',
        ),
        'batchGdLargeM',
        { m: train },
      ),
    );
  }
  if (params.earlyStopping.enabled && dev === 0) {
    problems.push(
      detailed(
        warning(
          'INVALID_PARAM',
          id,
          'Early stopping watches the dev cost, but the dev split is empty; it will not stop early.',
          'earlyStopping',
        ),
        'earlyStoppingNoDev',
        {},
      ),
    );
  }
  if (batchSizeFor(params, train) === 1 && train > 100_000) {
    problems.push(
      detailed(
        warning(
          'INVALID_PARAM',
          id,
          `Stochastic gradient descent makes ${train.toLocaleString('en')} updates an epoch; it will be slow.`,
          'batchMode',
        ),
        'sgdSlow',
        { updates: train.toLocaleString('en') },
      ),
    );
  }
  return problems;
}
