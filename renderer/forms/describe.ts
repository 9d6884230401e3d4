import type { z } from 'zod';

/** A plain value a select can offer: enum members, literals, booleans. */
export type Choice = string | number | boolean;

interface Common {
  description?: string;
  optional: boolean;
  hasDefault: boolean;
  default?: unknown;
}

/** How to edit one value, read off its zod schema. */
export type FieldDesc = Common &
  (
    | {
        type: 'number';
        int: boolean;
        min?: number;
        minInclusive: boolean;
        max?: number;
        maxInclusive: boolean;
      }
    | { type: 'enum'; options: readonly Choice[] }
    | { type: 'boolean' }
    | { type: 'string' }
    /** Text that becomes a number when it is one (a CSV label column: a name or an index). */
    | { type: 'stringOrNumber' }
    | { type: 'literal'; value: Choice }
    | { type: 'object'; fields: readonly { key: string; desc: FieldDesc }[] }
    /** A discriminated union: a select on `discriminator` switches the fields shown. */
    | { type: 'variants'; discriminator: string; variants: readonly { value: Choice; desc: FieldDesc }[] }
    /** Any other union, e.g. a split of "auto" or explicit fractions. */
    | { type: 'choice'; options: readonly FieldDesc[] }
    /** Arrays and anything else: edited as JSON text. */
    | { type: 'json' }
  );

/** The zod 4 internals read here: every schema has `def.type`; wrappers carry `innerType`. */
interface AnyDef {
  type: string;
  innerType?: ZodLike;
  defaultValue?: unknown;
  out?: ZodLike;
  in?: ZodLike;
  checks?: { _zod: { def: { check: string; value?: number; inclusive?: boolean; format?: string } } }[];
  entries?: Record<string, Choice>;
  values?: Choice[];
  shape?: Record<string, ZodLike>;
  options?: ZodLike[];
  discriminator?: string;
}
interface ZodLike {
  def: AnyDef;
  description?: string;
}

function common(acc: Common): Common {
  const out: Common = { optional: acc.optional, hasDefault: acc.hasDefault };
  if (acc.description !== undefined) out.description = acc.description;
  if (acc.hasDefault) out.default = acc.default;
  return out;
}

function numberDesc(def: AnyDef, acc: Common): FieldDesc {
  const desc = {
    ...common(acc),
    type: 'number' as const,
    int: false,
    minInclusive: true,
    maxInclusive: true,
  } as Extract<FieldDesc, { type: 'number' }>;
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) desc.int = true;
    if (c.check === 'greater_than' && c.value !== undefined) {
      desc.min = c.value;
      desc.minInclusive = c.inclusive ?? false;
    }
    if (c.check === 'less_than' && c.value !== undefined) {
      desc.max = c.value;
      desc.maxInclusive = c.inclusive ?? false;
    }
  }
  return desc;
}

/** The discriminator values an option of a discriminated union answers to. */
function discriminatorValues(option: ZodLike, discriminator: string): Choice[] {
  const def = option.def;
  if (def.type === 'object') return def.shape?.[discriminator]?.def.values ?? [];
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => discriminatorValues(o, discriminator));
  if (def.innerType) return discriminatorValues(def.innerType, discriminator);
  return [];
}

function walk(schema: ZodLike, acc: Common): FieldDesc {
  const def = schema.def;
  const here: Common = { ...acc, description: acc.description ?? schema.description };
  if (here.description === undefined) delete here.description;
  switch (def.type) {
    case 'default':
    case 'prefault':
      return walk(def.innerType!, {
        ...here,
        hasDefault: true,
        default: here.hasDefault ? here.default : def.defaultValue,
      });
    case 'optional':
      return walk(def.innerType!, { ...here, optional: true });
    case 'nullable':
    case 'readonly':
    case 'catch':
      return walk(def.innerType!, here);
    case 'pipe':
      // z.preprocess(fn, schema) is a pipe from a transform into the schema the value must meet.
      return walk(def.in?.def.type === 'transform' ? def.out! : def.in!, here);
    case 'number':
      return numberDesc(def, here);
    case 'boolean':
      return { ...common(here), type: 'boolean' };
    case 'string':
      return { ...common(here), type: 'string' };
    case 'enum':
      return { ...common(here), type: 'enum', options: Object.values(def.entries ?? {}) };
    case 'literal':
      return { ...common(here), type: 'literal', value: def.values?.[0] ?? '' };
    case 'object':
      return {
        ...common(here),
        type: 'object',
        fields: Object.entries(def.shape ?? {}).map(([key, s]) => ({
          key,
          desc: walk(s, { optional: false, hasDefault: false }),
        })),
      };
    case 'union': {
      const options = def.options ?? [];
      const plain = { optional: false, hasDefault: false };
      if (def.discriminator) {
        const discriminator = def.discriminator;
        return {
          ...common(here),
          type: 'variants',
          discriminator,
          variants: options.flatMap((o) => {
            const values = [...new Set(discriminatorValues(o, discriminator))];
            return values.length === 1 ? [{ value: values[0]!, desc: walk(o, plain) }] : [];
          }),
        };
      }
      const described = options.map((o) => walk(o, plain));
      if (described.every((d) => d.type === 'literal' || d.type === 'boolean')) {
        const choices = described.flatMap((d) =>
          d.type === 'literal' ? [d.value] : d.type === 'boolean' ? [true, false] : [],
        );
        return { ...common(here), type: 'enum', options: choices };
      }
      if (described.every((d) => d.type === 'string' || d.type === 'number')) {
        return { ...common(here), type: 'stringOrNumber' };
      }
      return { ...common(here), type: 'choice', options: described };
    }
    default:
      return { ...common(here), type: 'json' };
  }
}

/** Describes a node kind's params schema as the fields of a form. */
export function describeSchema(schema: z.ZodType): FieldDesc {
  return walk(schema as unknown as ZodLike, { optional: false, hasDefault: false });
}

/** Params whose useful values span decades get a log-scale slider. */
const LOG_SCALE_KEYS = new Set(['learningRate', 'l1', 'l2', 'lambda', 'lambda1', 'lambda2']);
export const isLogScale = (key: string): boolean => LOG_SCALE_KEYS.has(key);

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** A value that fits `desc`, for a field that has none yet (a newly chosen variant, a custom split). */
export function initialValue(desc: FieldDesc): unknown {
  if (desc.type === 'object') {
    const value: Record<string, unknown> = {};
    for (const f of desc.fields) {
      const v = initialValue(f.desc);
      if (v !== undefined) value[f.key] = v;
    }
    return desc.hasDefault && typeof desc.default === 'object' ? { ...value, ...clone(desc.default) } : value;
  }
  if (desc.hasDefault) return clone(desc.default);
  if (desc.optional) return undefined;
  switch (desc.type) {
    case 'number':
      return desc.min === undefined ? 0 : desc.minInclusive ? desc.min : desc.min + (desc.int ? 1 : 0.1);
    case 'enum':
      return desc.options[0];
    case 'boolean':
      return false;
    case 'string':
    case 'stringOrNumber':
      return '';
    case 'literal':
      return desc.value;
    case 'variants':
      return desc.variants[0] ? initialValue(desc.variants[0].desc) : {};
    case 'choice':
      return desc.options[0] ? initialValue(desc.options[0]) : undefined;
    case 'json':
      return [];
  }
}

/** The variant a value belongs to, by its discriminator (the first variant when none matches). */
export function variantOf(desc: Extract<FieldDesc, { type: 'variants' }>, value: unknown) {
  const tag = (value as Record<string, unknown> | undefined)?.[desc.discriminator];
  return desc.variants.find((v) => v.value === tag) ?? desc.variants[0];
}

/** Which option of a plain union a value is (a literal by equality, else by its JS type). */
export function choiceIndex(desc: Extract<FieldDesc, { type: 'choice' }>, value: unknown): number {
  const i = desc.options.findIndex((o) =>
    o.type === 'literal'
      ? o.value === value
      : o.type === 'object'
        ? typeof value === 'object' && value !== null && !Array.isArray(value)
        : o.type === 'number'
          ? typeof value === 'number'
          : o.type === 'string' || o.type === 'enum'
            ? typeof value === 'string'
            : o.type === 'boolean'
              ? typeof value === 'boolean'
              : false,
  );
  return Math.max(0, i);
}

/**
 * The value after switching a discriminated union to another variant: the new variant's defaults,
 * keeping the current values of fields both variants share (Adam → momentum keeps α).
 */
export function switchVariant(
  desc: Extract<FieldDesc, { type: 'variants' }>,
  current: unknown,
  value: Choice,
): Record<string, unknown> {
  const variant = desc.variants.find((v) => v.value === value);
  const base = (variant ? initialValue(variant.desc) : {}) as Record<string, unknown>;
  const old = (current ?? {}) as Record<string, unknown>;
  const next: Record<string, unknown> = { ...base, [desc.discriminator]: value };
  const discriminators = new Set(collectDiscriminators(variant?.desc));
  const fields = variant?.desc.type === 'object' ? variant.desc.fields : [];
  for (const key of Object.keys(base)) {
    if (key === desc.discriminator || discriminators.has(key)) continue;
    const field = fields.find((f) => f.key === key)?.desc;
    if (key in old && typeof old[key] === typeof base[key] && accepts(field, old[key])) next[key] = old[key];
  }
  return next;
}

/**
 * Whether a value kept from the old variant fits the new one's field: generator moons → built-in
 * must not keep name "moons" where the built-in source only takes "digits".
 */
function accepts(desc: FieldDesc | undefined, value: unknown): boolean {
  if (desc?.type === 'literal') return desc.value === value;
  if (desc?.type === 'enum') return desc.options.includes(value as Choice);
  return true;
}

function collectDiscriminators(desc: FieldDesc | undefined): string[] {
  return desc?.type === 'variants' ? [desc.discriminator] : [];
}

export type Path = readonly string[];

export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** A copy of `root` with `value` at `path` (undefined removes the key). */
export function setAt(root: unknown, path: Path, value: unknown): Record<string, unknown> {
  const obj = root && typeof root === 'object' ? { ...(root as Record<string, unknown>) } : {};
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  if (rest.length === 0) {
    if (value === undefined) delete obj[head];
    else obj[head] = value;
  } else {
    obj[head] = setAt(obj[head], rest, value);
  }
  return obj;
}

/**
 * The message for `path` when `params` fail the schema there, else null. Problems elsewhere in the
 * params (an invalid file) do not block an edit of this field.
 */
export function fieldError(schema: z.ZodType, params: unknown, path: Path): string | null {
  const parsed = schema.safeParse(params);
  if (parsed.success) return null;
  if (path.length === 0) return parsed.error.issues[0]?.message ?? null;
  const key = path.join('.');
  const issue = parsed.error.issues.find((i) => {
    const at = i.path.map(String).join('.');
    return (
      at === key ||
      at.startsWith(`${key}.`) ||
      (at !== '' && key.startsWith(`${at}.`) && i.code === 'invalid_union')
    );
  });
  return issue?.message ?? null;
}
