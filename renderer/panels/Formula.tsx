import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useLayoutEffect, useRef } from 'react';
import { splitFormula } from './formulas';

/** One line of LaTeX rendered with KaTeX (into a ref, so no HTML string goes through React). */
const FormulaLine = memo(function FormulaLine({ tex }: { tex: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) katex.render(tex, ref.current, { throwOnError: false, displayMode: true });
  }, [tex]);
  return <div ref={ref} />;
});

/** A formula, one line per part (see splitFormula). */
export const Formula = memo(function Formula({ tex }: { tex: string }) {
  const lines = splitFormula(tex);
  return (
    <div className="formula" data-testid="formula">
      {lines.map((line) => (
        <FormulaLine key={line} tex={line} />
      ))}
    </div>
  );
});
