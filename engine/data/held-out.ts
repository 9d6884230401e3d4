import { bad, good, type Outcome } from './outcome.js';
import type { LabeledData } from './types.js';

/**
 * A dev or test set read from a source of its own must fit the network trained on the training
 * source: the same features (and image shape, where both are images), the same task, and classes the training set knows.
 * Classes are matched by name, so a test.csv that lacks one class, or lists them in another order,
 * still means the same classes: its labels are renumbered to the training set's.
 */

const shape = (d: LabeledData) => (d.imageShape ? d.imageShape.join(' × ') : null);

/** Class names of a set; a set without names has classes '0', '1', …. */
export const classNamesOf = (d: LabeledData): readonly string[] =>
  d.classNames ?? Array.from({ length: d.classes ?? 0 }, (_, c) => String(c));

/**
 * `part` (the dev or test set, called `role` in messages) checked against `train`, its labels
 * renumbered in place to the training set's classes. Mismatches name the part and what differs.
 */
export function alignHeldOut(
  train: LabeledData,
  part: LabeledData,
  role: 'dev' | 'test',
): Outcome<LabeledData> {
  const set = `The ${role} source`;
  if (part.features !== train.features) {
    return bad(
      `${set} has ${part.features} feature${part.features === 1 ? '' : 's'}, but the training source has ${train.features}: they must match.`,
    );
  }
  // A CSV of flattened pixels may test a network trained on images: shapes only differ when both have one.
  const [ours, theirs] = [shape(part), shape(train)];
  if (ours && theirs && ours !== theirs) {
    return bad(`${set} holds ${ours} images, but the training source ${theirs} images: they must match.`);
  }
  if ((part.classes === null) !== (train.classes === null)) {
    const task = (d: LabeledData) => (d.classes === null ? 'regression' : 'classification');
    return bad(`${set} is ${task(part)} data, but the training source is ${task(train)} data.`);
  }
  if (part.classes === null) {
    return part.targets === train.targets
      ? good(part)
      : bad(`${set} has ${part.targets} targets, but the training source has ${train.targets}.`);
  }
  const known = new Map(classNamesOf(train).map((name, c) => [name, c]));
  const names = classNamesOf(part);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length) {
    const listed = unknown
      .slice(0, 10)
      .map((n) => `'${n}'`)
      .join(', ');
    const more = unknown.length > 10 ? ` and ${unknown.length - 10} more` : '';
    return bad(
      `${set} has class${unknown.length > 1 ? 'es' : ''} ${listed}${more} that the training source does not have ` +
        `(it has ${classNamesOf(train)
          .slice(0, 10)
          .map((n) => `'${n}'`)
          .join(', ')}${(train.classes ?? 0) > 10 ? ', …' : ''}).`,
    );
  }
  const renumber = names.map((name) => known.get(name) as number);
  for (let i = 0; i < part.m; i++) part.y[i] = renumber[part.y[i] as number] as number;
  const aligned: LabeledData = { ...part, classes: train.classes };
  if (train.classNames) aligned.classNames = train.classNames;
  else delete aligned.classNames;
  return good(aligned);
}

/** The training data with its held-out sets attached, each checked and renumbered; messages name the part. */
export function withHeldOut(
  train: LabeledData,
  parts: { test: LabeledData; dev?: LabeledData | undefined },
): Outcome<LabeledData> {
  const test = alignHeldOut(train, parts.test, 'test');
  const dev = parts.dev ? alignHeldOut(train, parts.dev, 'dev') : good(undefined);
  if (!test.ok || !dev.ok) return bad(...(test.ok ? [] : test.messages), ...(dev.ok ? [] : dev.messages));
  return good({ ...train, heldOut: dev.value ? { test: test.value, dev: dev.value } : { test: test.value } });
}
