import type { Problem } from '../../engine/problems';
import { fillIn, lookup } from './i18n';
import type { Language } from './messages';

/**
 * A problem's message in the UI language: from its message key and values when the engine gave them
 * (`Problem.detail`) and the table has the key, else the engine's English text.
 * {detail: {key: 'deadEnd', params: {kind: 'Dense', id: 'h'}}} in Chinese → 'Dense "h" 没有去处：…'.
 */
export function problemText(problem: Problem, language: Language): string {
  const template = problem.detail && lookup(language, `problemText.${problem.detail.key}`);
  return template ? fillIn(template, problem.detail!.params) : problem.message;
}
