import { useId, useState } from 'react';
import { fillIn, lookup } from '../i18n/i18n';
import { useLanguage, useT } from '../i18n/useT';
import type { Choice, FieldDesc } from './describe';
import { LOG_STEPS, sliderPosition, sliderValue } from './logScale';
import { numberMessage } from './numberMessage';

type NumberDesc = Extract<FieldDesc, { type: 'number' }>;
/** Commits a value; returns the message when the value is refused. */
export type Commit = (value: unknown) => string | null;

export interface FieldProps {
  testId: string;
  label: string;
  /** A problem the engine reports for this field (e.g. m_b > m). */
  problem?: string | undefined;
  description?: string | undefined;
}

/** The label row above an input: name, the allowed range, and the error if any. */
function FieldFrame({
  id,
  label,
  labelHidden = false,
  extra,
  error,
  testId,
  description,
  children,
}: {
  id: string;
  label: string;
  /** For a select whose group already shows the name (a fieldset legend). */
  labelHidden?: boolean;
  extra?: string | undefined;
  error: string | null | undefined;
  testId: string;
  description?: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className={labelHidden ? 'sr-only' : 'field__label'} htmlFor={id} title={description}>
        <span>{label}</span>
        {extra && <span className="field__range">{extra}</span>}
      </label>
      {children}
      {error && (
        <div className="field__error" role="alert" data-testid={`field-error-${testId}`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** "[1, 100000]", "(0, 100]", "≥ 0": the interval the schema allows. */
export function rangeText(desc: NumberDesc): string | undefined {
  const { min, max } = desc;
  if (min !== undefined && max !== undefined)
    return `${desc.minInclusive ? '[' : '('}${min}, ${max}${desc.maxInclusive ? ']' : ')'}`;
  if (min !== undefined) return `${desc.minInclusive ? '≥' : '>'} ${min}`;
  if (max !== undefined) return `${desc.maxInclusive ? '≤' : '<'} ${max}`;
  return undefined;
}

export function NumberField({
  testId,
  label,
  desc,
  value,
  commit,
  logScale,
  problem,
  description,
}: FieldProps & { desc: NumberDesc; value: unknown; commit: Commit; logScale: boolean }) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? (value === undefined ? '' : String(value));
  const onText = (text: string) => {
    setDraft(text);
    const refused = numberMessage(desc, text);
    if (!refused) return setError(commit(Number(text)));
    // A param may name what it counts ("At least 1 unit."); else the plain "At least 1.".
    const own = lookup(language, `${refused.key}.${testId.split('.').pop()}`);
    setError(own ? fillIn(own, refused.vars) : t(refused.key, refused.vars));
  };
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  return (
    <FieldFrame
      id={id}
      label={label}
      extra={rangeText(desc)}
      error={
        error && draft !== null
          ? `${error} ${t('field.keepEditing', { value: String(value) })}`
          : (error ?? problem)
      }
      testId={testId}
      description={description}
    >
      <div className="field__number">
        <input
          id={id}
          className="input nodrag"
          data-testid={`field-${testId}`}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={shown}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && error) cancel();
          }}
          onBlur={() => {
            // A refused value stays, with its message, until it is fixed or Esc brings the old back.
            if (!error) cancel();
          }}
        />
        {logScale && (
          <input
            type="range"
            className="slider nodrag"
            aria-label={`${label} (${t('field.logSlider')})`}
            data-testid={`slider-${testId}`}
            min={0}
            max={LOG_STEPS}
            value={sliderPosition(typeof value === 'number' ? value : 0, desc)}
            onChange={(e) => {
              setDraft(null);
              setError(commit(sliderValue(Number(e.target.value), desc)));
            }}
          />
        )}
      </div>
    </FieldFrame>
  );
}

export function SelectField({
  testId,
  label,
  options,
  value,
  commit,
  problem,
  description,
  optional,
  labelHidden,
}: FieldProps & {
  options: readonly Choice[];
  value: unknown;
  commit: Commit;
  optional?: boolean;
  labelHidden?: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const index = options.indexOf(value as Choice);
  return (
    <FieldFrame
      id={id}
      label={label}
      labelHidden={labelHidden}
      error={error ?? problem}
      testId={testId}
      description={description}
    >
      <select
        id={id}
        className="input nodrag"
        data-testid={`field-${testId}`}
        value={index < 0 ? '' : String(index)}
        onChange={(e) => {
          const v = e.target.value === '' ? undefined : options[Number(e.target.value)];
          setError(commit(v));
        }}
      >
        {(index < 0 || optional) && <option value="">{t('field.none')}</option>}
        {options.map((o, i) => (
          <option key={String(o)} value={String(i)}>
            {typeof o === 'boolean'
              ? t(o ? 'field.yes' : 'field.no')
              : (lookup(language, `value.${o}`) ?? String(o))}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  testId,
  label,
  value,
  commit,
  problem,
  description,
}: FieldProps & { value: unknown; commit: Commit }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`field field--checkbox${error || problem ? ' field--invalid' : ''}`}>
      <label className="field__check" htmlFor={id} title={description}>
        <input
          id={id}
          type="checkbox"
          className="nodrag"
          data-testid={`field-${testId}`}
          checked={value === true}
          onChange={(e) => setError(commit(e.target.checked))}
        />
        <span>{label}</span>
      </label>
      {(error ?? problem) && (
        <div className="field__error" role="alert" data-testid={`field-error-${testId}`}>
          {error ?? problem}
        </div>
      )}
    </div>
  );
}

/** Free text; `coerce` turns the text into the value to commit (e.g. digits into a column index). */
export function TextField({
  testId,
  label,
  value,
  commit,
  problem,
  description,
  coerce = (s) => s,
  multiline = false,
}: FieldProps & { value: unknown; commit: Commit; coerce?: (text: string) => unknown; multiline?: boolean }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown =
    draft ?? (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  const onText = (text: string, final: boolean) => {
    if (!multiline) {
      setDraft(text);
      setError(commit(coerce(text)));
      return;
    }
    if (!final) return setDraft(text);
    try {
      setError(commit(JSON.parse(text)));
    } catch (err) {
      setError(t('field.badJson', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const common = {
    id,
    className: 'input nodrag',
    'data-testid': `field-${testId}`,
    value: shown,
    spellCheck: false,
  };
  return (
    <FieldFrame id={id} label={label} error={error ?? problem} testId={testId} description={description}>
      {multiline ? (
        <textarea
          {...common}
          rows={4}
          onChange={(e) => onText(e.target.value, false)}
          onBlur={(e) => {
            onText(e.target.value, true);
            setDraft(null);
          }}
        />
      ) : (
        <input
          {...common}
          autoComplete="off"
          onChange={(e) => onText(e.target.value, false)}
          onBlur={() => {
            setDraft(null);
            setError(null);
          }}
        />
      )}
    </FieldFrame>
  );
}
