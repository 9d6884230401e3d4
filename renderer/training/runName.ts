import { variantName } from '../gallery/variantNames';
import type { Translate } from '../i18n/i18n';
import type { Language } from '../i18n/messages';

/**
 * A run's label as the UI shows it: "Run 3" → "运行 3" in Chinese, a lesson variant by its Chinese
 * name ("Zeros" → "全零"), anything the user named as it is. The stored label stays English.
 */
export function runName(label: string, t: Translate, language: Language): string {
  const numbered = /^Run (\d+)$/.exec(label);
  return numbered ? t('train.runLabel', { n: numbered[1]! }) : variantName(label, language);
}
