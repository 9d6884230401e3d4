/** One trainable tensor of a layer at an inspected update. */
export interface InspectedParameter {
  /** The tf.js layer's name: W, b, gamma, beta. */
  name: string;
  /** After the update. */
  values: Float32Array;
  /** ∂J/∂values of the update (penalties included). */
  gradient: Float32Array;
  /** Before the update (null when the executor did not keep them). */
  before: Float32Array | null;
}

/**
 * What an executor hands the inspector after an update, on the host, indexed like `plan.layers`:
 * the training pass's output of every layer (rows × features values first; buffers may be longer),
 * its inputs, its parameters and its state. The same for the fast and the tf.js executor, so one
 * function measures both.
 */
export interface InspectionBuffers {
  /** Examples in the mini-batch. */
  rows: number;
  outputs: readonly Float32Array[];
  /** Per layer, its producers' outputs in input order (the mini-batch x for the data set). */
  inputs: readonly (readonly Float32Array[])[];
  parameters: readonly (readonly InspectedParameter[])[];
  state: readonly (readonly Float32Array[])[];
  /** Per layer, ∂J/∂output as the backward pass left it, where the executor keeps one. */
  gradients?: readonly (Float32Array | null)[];
}
