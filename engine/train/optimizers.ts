import * as tf from '@tensorflow/tfjs';
import type { OptimizerParams } from '../nodes/optimizer.js';

/** { name, tensor } pairs, as tf.js's optimizers take them. */
type NamedTensor = { name: string; tensor: tf.Tensor };
type Gradients = tf.NamedTensorMap | NamedTensor[];

function gradientList(grads: Gradients): NamedTensor[] {
  return Array.isArray(grads) ? grads : Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));
}

/**
 * Base of the engine's optimizers: the update rules of spec §8 exactly, which is not what tf.js's
 * built-ins compute (its momentum drops the (1 − β) factor; its Adam and RMSprop put ε outside the
 * square root). Slots (v, S) are created on first use with the variable's shape, starting at 0.
 * `t` counts updates from 1, as in the bias correction 1 − βᵗ.
 */
export abstract class SpecOptimizer extends tf.Optimizer {
  learningRate: number;
  protected t = 0;
  private readonly slots = new Map<string, tf.Variable[]>();
  /** β, 1 − β, ε: made once and kept, so no update uploads them again (a GPU pays per upload). */
  private readonly constants = new Map<number, tf.Scalar>();
  /** α and the bias corrections of the update in progress, shared by every variable. */
  private readonly updateScalars = new Map<number, tf.Scalar>();

  constructor(learningRate: number) {
    super();
    this.learningRate = learningRate;
  }

  /** Number of slot tensors per variable (0 for gradient descent, 1 for momentum/RMSprop, 2 for Adam). */
  protected abstract readonly slotCount: number;

  /** New value of W given its gradient and its slots (which it updates in place). */
  protected abstract step(w: tf.Tensor, dw: tf.Tensor, slots: tf.Variable[], alpha: tf.Scalar): tf.Tensor;

  /** A scalar kept for the optimizer's life. */
  protected constant(value: number): tf.Scalar {
    let scalar = this.constants.get(value);
    if (!scalar) {
      scalar = tf.keep(tf.scalar(value));
      this.constants.set(value, scalar);
    }
    return scalar;
  }

  /** A scalar of this update (freed with it), made once however many variables use it. */
  protected perUpdate(value: number): tf.Scalar {
    let scalar = this.updateScalars.get(value);
    if (!scalar) {
      scalar = tf.scalar(value);
      this.updateScalars.set(value, scalar);
    }
    return scalar;
  }

  override applyGradients(variableGradients: Gradients): void {
    this.t += 1;
    this.updateScalars.clear();
    tf.tidy(() => {
      const alpha = this.perUpdate(this.learningRate);
      for (const { name, tensor: dw } of gradientList(variableGradients)) {
        const w = tf.engine().registeredVariables[name];
        if (!w || dw == null) continue;
        let slots = this.slots.get(name);
        if (!slots) {
          slots = Array.from({ length: this.slotCount }, (_, i) =>
            tf.variable(tf.zerosLike(w), false, `${name}/slot${i}`),
          );
          this.slots.set(name, slots);
        }
        w.assign(this.step(w, dw, slots, alpha));
      }
    });
    this.updateScalars.clear();
  }

  /** Updates taken so far. */
  get updates(): number {
    return this.t;
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const weights: NamedTensor[] = [{ name: 'iter', tensor: tf.scalar(this.t, 'int32') }];
    for (const [name, slots] of this.slots) {
      slots.forEach((s, i) => {
        weights.push({ name: `${name}/slot${i}`, tensor: s });
      });
    }
    return weights;
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    for (const { name, tensor } of weightValues) {
      if (name === 'iter') {
        this.t = (await tensor.data())[0] as number;
        continue;
      }
      const match = /^(.*)\/slot(\d+)$/.exec(name);
      if (!match) continue;
      const [, variable = '', index = '0'] = match;
      const slots = this.slots.get(variable) ?? [];
      slots[Number(index)]?.dispose();
      slots[Number(index)] = tf.variable(tensor, false);
      this.slots.set(variable, slots);
    }
  }

  override dispose(): void {
    for (const slots of this.slots.values()) for (const s of slots) s.dispose();
    this.slots.clear();
    for (const c of this.constants.values()) c.dispose();
    this.constants.clear();
  }
}

/** W := W − α dW. */
export class GradientDescent extends SpecOptimizer {
  static readonly className = 'NetCanvasGradientDescent';
  protected override readonly slotCount = 0;
  protected override step(w: tf.Tensor, dw: tf.Tensor, _slots: tf.Variable[], alpha: tf.Scalar): tf.Tensor {
    return tf.sub(w, tf.mul(dw, alpha));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate };
  }
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config.learningRate);
  }
}

/** v = β v + (1 − β) dW; W := W − α v. No bias correction. */
export class Momentum extends SpecOptimizer {
  static readonly className = 'NetCanvasMomentum';
  protected override readonly slotCount = 1;
  constructor(
    learningRate: number,
    readonly beta: number,
  ) {
    super(learningRate);
  }
  protected override step(w: tf.Tensor, dw: tf.Tensor, [v]: tf.Variable[], alpha: tf.Scalar): tf.Tensor {
    v!.assign(tf.add(tf.mul(v!, this.constant(this.beta)), tf.mul(dw, this.constant(1 - this.beta))));
    return tf.sub(w, tf.mul(v!, alpha));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta: this.beta };
  }
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config.learningRate, config.beta);
  }
}

/** S = β₂ S + (1 − β₂) dW²; W := W − α dW / sqrt(S + ε). */
export class RMSprop extends SpecOptimizer {
  static readonly className = 'NetCanvasRMSprop';
  protected override readonly slotCount = 1;
  constructor(
    learningRate: number,
    readonly beta2: number,
    readonly epsilon: number,
  ) {
    super(learningRate);
  }
  protected override step(w: tf.Tensor, dw: tf.Tensor, [s]: tf.Variable[], alpha: tf.Scalar): tf.Tensor {
    const { beta2, epsilon } = this;
    s!.assign(tf.add(tf.mul(s!, this.constant(beta2)), tf.mul(tf.square(dw), this.constant(1 - beta2))));
    return tf.sub(w, tf.mul(tf.div(dw, tf.sqrt(tf.add(s!, this.constant(epsilon)))), alpha));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta2: this.beta2, epsilon: this.epsilon };
  }
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config.learningRate, config.beta2, config.epsilon);
  }
}

/** V, S as momentum and RMSprop; V̂ = V/(1 − β₁ᵗ), Ŝ = S/(1 − β₂ᵗ); W := W − α V̂ / sqrt(Ŝ + ε). */
export class Adam extends SpecOptimizer {
  static readonly className = 'NetCanvasAdam';
  protected override readonly slotCount = 2;
  constructor(
    learningRate: number,
    readonly beta1: number,
    readonly beta2: number,
    readonly epsilon: number,
  ) {
    super(learningRate);
  }
  protected override step(w: tf.Tensor, dw: tf.Tensor, [v, s]: tf.Variable[], alpha: tf.Scalar): tf.Tensor {
    const { beta1, beta2, epsilon, t } = this;
    const c = (value: number) => this.constant(value);
    v!.assign(tf.add(tf.mul(v!, c(beta1)), tf.mul(dw, c(1 - beta1))));
    s!.assign(tf.add(tf.mul(s!, c(beta2)), tf.mul(tf.square(dw), c(1 - beta2))));
    const vHat = tf.div(v!, this.perUpdate(1 - beta1 ** t));
    const sHat = tf.div(s!, this.perUpdate(1 - beta2 ** t));
    return tf.sub(w, tf.mul(tf.div(vHat, tf.sqrt(tf.add(sHat, c(epsilon)))), alpha));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config.learningRate, config.beta1, config.beta2, config.epsilon);
  }
}

for (const cls of [GradientDescent, Momentum, RMSprop, Adam]) {
  tf.serialization.registerClass(
    cls as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>,
  );
}

/** The optimizer a node's params describe. */
export function createOptimizer(params: OptimizerParams): SpecOptimizer {
  switch (params.algorithm) {
    case 'gd':
      return new GradientDescent(params.learningRate);
    case 'momentum':
      return new Momentum(params.learningRate, params.beta);
    case 'rmsprop':
      return new RMSprop(params.learningRate, params.beta2, params.epsilon);
    case 'adam':
      return new Adam(params.learningRate, params.beta1, params.beta2, params.epsilon);
  }
}
