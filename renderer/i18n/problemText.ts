import type { Problem, ProblemDetail } from '../../engine/problems';
import { fillIn, lookup } from './i18n';
import type { Language } from './messages';
import { PROBLEM_MESSAGES_ZH } from './problemMessages';

/** The template for a message key: messages' `problemText.<key>`, else (Chinese) problemMessages.ts. */
function templateFor(key: string, language: Language): string | undefined {
  return lookup(language, `problemText.${key}`) ?? (language === 'zh' ? PROBLEM_MESSAGES_ZH[key] : undefined);
}

/**
 * A problem's message in the UI language: from its message key and values when the engine gave them
 * (`Problem.detail`) and a table has the key, else the engine's English text.
 * {detail: {key: 'deadEnd', params: {kind: 'Dense', id: 'h'}}} in Chinese → 'Dense "h" 没有去处：…'.
 */
export function problemText(problem: Problem, language: Language): string {
  const template = problem.detail && templateFor(problem.detail.key, language);
  return template ? fillIn(template, problem.detail!.params) : problem.message;
}

/**
 * A run's closing message in the UI language: the engine's English, or the Chinese of its keyed parts
 * (`DoneEvent.detail`); '' in Chinese when a part has no key (an exception's text, a NaN's causes).
 * [{key: 'trainedEpochs', params: {epochs: 30}}] in Chinese → '训练了 30 轮。'.
 */
export function doneText(
  done: { message: string; detail?: readonly ProblemDetail[] },
  language: Language,
): string {
  if (language === 'en') return done.message;
  const parts = (done.detail ?? []).map(
    (d) => templateFor(d.key, language) && fillIn(templateFor(d.key, language)!, d.params),
  );
  return parts.length && parts.every(Boolean) ? parts.join('') : '';
}
