import { useEffect, useState } from 'react';

/**
 * A number typed as text: a half-typed value ("1e-", "0.") stays in the field, and only a finite
 * number (a whole one with `integer`) is committed.
 */
export function NumberField({
  value,
  onCommit,
  integer = false,
  label,
  testId,
  disabled,
}: {
  value: number;
  onCommit: (value: number) => void;
  integer?: boolean;
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((old) => (Number(old) === value ? old : String(value)));
  }, [value]);
  const valid = (t: string) =>
    t.trim() !== '' && Number.isFinite(Number(t)) && (!integer || Number.isInteger(Number(t)));
  return (
    <input
      className={`tuning__number${valid(text) ? '' : ' tuning__number--bad'}`}
      inputMode="decimal"
      aria-label={label}
      value={text}
      disabled={disabled}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        if (valid(e.target.value)) onCommit(Number(e.target.value));
      }}
      onBlur={() => setText(String(value))}
    />
  );
}
