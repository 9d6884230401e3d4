import { memo, useMemo } from 'react';
import type { GraphNode } from '../../engine/document/schema';
import type { AnyNodeKind } from '../../engine/nodes/types';
import { fieldTip } from '../i18n/fieldTips';
import { lookup } from '../i18n/i18n';
import { problemText } from '../i18n/problemText';
import { useLanguage, useT } from '../i18n/useT';
import type { NodeProblems } from '../store/analysis';
import { useAppStoreApi } from '../store/context';
import {
  choiceIndex,
  describeSchema,
  type FieldDesc,
  fieldError,
  initialValue,
  isLogScale,
  type Path,
  setAt,
  switchVariant,
  valueAt,
  variantOf,
} from './describe';
import { CheckboxField, type Commit, NumberField, SelectField, TextField } from './fields';

interface Ctx {
  params: unknown;
  /** Commits a new value at a path; returns the zod message when the value is refused. */
  commitAt(path: Path, value: unknown): string | null;
  problemAt(path: Path): string | undefined;
  label(key: string): string;
  /** The field's tooltip in the UI language, from the schema's English description. */
  tip(key: string, english: string | undefined): string | undefined;
}

const keyOf = (path: Path) => path.join('.') || 'params';

function FieldView({ desc, path, ctx }: { desc: FieldDesc; path: Path; ctx: Ctx }) {
  const t = useT();
  const value = path.length ? valueAt(ctx.params, path) : ctx.params;
  const key = path[path.length - 1] ?? '';
  const testId = keyOf(path);
  const label = ctx.label(key);
  const commit: Commit = (v) => ctx.commitAt(path, v);
  const common = { testId, label, problem: ctx.problemAt(path), description: ctx.tip(key, desc.description) };
  const shown = value === undefined && desc.hasDefault ? desc.default : value;

  switch (desc.type) {
    case 'number':
      return <NumberField {...common} desc={desc} value={shown} commit={commit} logScale={isLogScale(key)} />;
    case 'enum':
      return (
        <SelectField
          {...common}
          options={desc.options}
          value={shown}
          commit={commit}
          optional={desc.optional}
        />
      );
    case 'boolean':
      return <CheckboxField {...common} value={shown} commit={commit} />;
    case 'string':
      return <TextField {...common} value={shown} commit={commit} />;
    case 'stringOrNumber':
      return (
        <TextField
          {...common}
          value={shown}
          commit={commit}
          coerce={(s) => (s.trim() === '' ? undefined : /^\d+$/.test(s.trim()) ? Number(s) : s)}
        />
      );
    case 'json':
      return <TextField {...common} value={shown} commit={commit} multiline />;
    case 'literal':
      return null;
    case 'object':
      return path.length === 0 ? (
        <ObjectFields desc={desc} path={path} ctx={ctx} />
      ) : (
        <fieldset className="fieldset" data-testid={`group-${testId}`}>
          <legend>{label}</legend>
          <ObjectFields desc={desc} path={path} ctx={ctx} />
        </fieldset>
      );
    case 'variants': {
      const body = <VariantFields desc={desc} path={path} value={shown} ctx={ctx} />;
      return path.length === 0 ? (
        body
      ) : (
        <fieldset className="fieldset" data-testid={`group-${testId}`}>
          <legend>{label}</legend>
          {body}
        </fieldset>
      );
    }
    case 'choice': {
      const index = choiceIndex(desc, shown);
      const option = desc.options[index];
      const optionLabel = (o: FieldDesc) => (o.type === 'literal' ? String(o.value) : t('field.custom'));
      return (
        <fieldset className="fieldset" data-testid={`group-${testId}`}>
          <legend>{label}</legend>
          <SelectField
            labelHidden
            testId={testId}
            label={label}
            options={desc.options.map(optionLabel)}
            value={option ? optionLabel(option) : undefined}
            commit={(v) => {
              const chosen = desc.options.find((o) => optionLabel(o) === v);
              return chosen ? ctx.commitAt(path, initialValue(chosen)) : null;
            }}
          />
          {option?.type === 'object' ? (
            <ObjectFields desc={option} path={path} ctx={ctx} />
          ) : option && option.type !== 'literal' ? (
            <FieldView desc={option} path={path} ctx={ctx} />
          ) : null}
        </fieldset>
      );
    }
  }
}

/** The discriminator's select, then the chosen variant's own fields (nested unions recurse). */
function VariantFields({
  desc,
  path,
  value,
  ctx,
}: {
  desc: Extract<FieldDesc, { type: 'variants' }>;
  path: Path;
  value: unknown;
  ctx: Ctx;
}) {
  const variant = variantOf(desc, value);
  return (
    <>
      <SelectField
        testId={keyOf([...path, desc.discriminator])}
        label={ctx.label(desc.discriminator)}
        options={desc.variants.map((v) => v.value)}
        value={variant?.value}
        commit={(v) => ctx.commitAt(path, switchVariant(desc, value, v as string))}
      />
      {variant?.desc.type === 'object' && <ObjectFields desc={variant.desc} path={path} ctx={ctx} />}
      {variant?.desc.type === 'variants' && (
        <VariantFields desc={variant.desc} path={path} value={value} ctx={ctx} />
      )}
    </>
  );
}

function ObjectFields({
  desc,
  path,
  ctx,
}: {
  desc: Extract<FieldDesc, { type: 'object' }>;
  path: Path;
  ctx: Ctx;
}) {
  return (
    <>
      {desc.fields.map((f) => (
        <FieldView key={f.key} desc={f.desc} path={[...path, f.key]} ctx={ctx} />
      ))}
    </>
  );
}

/**
 * The form for a node's params, generated from its kind's zod schema. A value the schema refuses is
 * not committed: the field shows zod's message instead. Each edit is one undo step per field (typing
 * merges).
 */
export const ParamForm = memo(function ParamForm({
  node,
  kind,
  problems,
}: {
  node: GraphNode;
  kind: AnyNodeKind;
  problems: NodeProblems | undefined;
}) {
  const store = useAppStoreApi();
  const language = useLanguage();
  const desc = useMemo(() => describeSchema(kind.params), [kind]);
  const ctx = useMemo<Ctx>(
    () => ({
      params: node.params,
      commitAt(path, value) {
        const candidate = path.length ? setAt(node.params, path, value) : (value as Record<string, unknown>);
        const message = fieldError(kind.params, candidate, path);
        if (message) return message;
        store.getState().applyChanges([{ type: 'setParams', id: node.id, params: candidate }], {
          mergeKey: `params:${node.id}:${path.join('.')}`,
        });
        return null;
      },
      problemAt(path) {
        const at = path.join('.');
        const problem = problems?.problems.find((p) => p.path === at);
        return problem && problemText(problem, language);
      },
      label: (key) => lookup(language, `param.${key}`) ?? key,
      tip: (key, english) => fieldTip(kind.kind, key, english, language),
    }),
    [node.params, node.id, kind, problems, store, language],
  );
  return (
    <div className="param-form" data-testid="param-form">
      <FieldView desc={desc} path={[]} ctx={ctx} />
    </div>
  );
});
