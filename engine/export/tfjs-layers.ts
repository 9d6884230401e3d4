import * as tf from '@tensorflow/tfjs';
import type { Network } from '../model/network.js';

/** A model in tf.js layers format: the `model.json` object and the `weights.bin` bytes it names. */
export interface LayersModelFiles {
  modelJson: Record<string, unknown>;
  weights: ArrayBuffer;
}

/**
 * Saves a trained network as stock tf.js layers files (model.json + weights.bin) that
 * `tf.loadLayersModel` reads with no NetCanvas code. Input normalization is inside the model.
 */
export async function exportLayersModel(
  network: Network,
  weightsFile = 'weights.bin',
): Promise<LayersModelFiles> {
  const model = network.toLayersModel();
  let files: LayersModelFiles | null = null;
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const data = artifacts.weightData;
        const weights = data instanceof ArrayBuffer ? data : tf.io.concatenateArrayBuffers(data ?? []);
        files = {
          modelJson: {
            format: 'layers-model',
            generatedBy: `NetCanvas (TensorFlow.js ${tf.version.tfjs})`,
            convertedBy: null,
            modelTopology: artifacts.modelTopology,
            weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs }],
          },
          weights,
        };
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
  } finally {
    model.dispose();
  }
  if (!files) throw new Error('tf.js did not hand over the model artifacts.');
  return files;
}

/** Loads files written by exportLayersModel back with stock tf.js (no NetCanvas classes). */
export async function loadLayersModelFiles(files: LayersModelFiles): Promise<tf.LayersModel> {
  const json = files.modelJson as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: files.weights,
    }),
  );
}
