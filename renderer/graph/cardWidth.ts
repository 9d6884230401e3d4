import type { GraphNode } from '../../engine/document/schema';
import { nodeKind } from '../../engine/nodes/registry';
import type { Language } from '../i18n/messages';

const LANGUAGES: readonly Language[] = ['en', 'zh'];
/** The card's CSS bounds (canvas.css .card). */
const MIN_WIDTH = 140;
const MAX_WIDTH = 240;
/** Horizontal padding (10 each side) and the gap between title and id. */
const PADDING = 20;
const GAP = 8;

/** Chinese characters and full-width punctuation take a whole em; others about `latin` of one. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** A generous guess at the rendered width of one line of text. "相加（残差连接）" at 13 px → 104. */
export function textWidth(text: string, px: number, latin: number): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? px : px * latin;
  return width;
}

/** The card's width in one language: its header (bold 13 px title, 10.5 px monospace id) or summary. */
function widthIn(language: Language, node: GraphNode): number {
  const kind = nodeKind(node.kind);
  if (!kind) return MIN_WIDTH;
  const parsed = kind.params.safeParse(node.params);
  const summary = parsed.success ? kind.summary(parsed.data, language) : '';
  const header =
    textWidth(kind.title[language], 13, 0.72) + GAP + textWidth(node.label ?? node.id, 10.5, 0.61);
  const content = Math.max(header, textWidth(summary, 12, 0.62)) + PADDING;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(content)));
}

/**
 * The widest a node's card gets in any of the UI's languages (titles differ: "Concatenate" is
 * wider than "拼接", "Dropout" narrower than "Dropout 随机失活"), so a layout made in one language
 * still leaves room for the shape labels after a switch to the other.
 */
export function widestCardWidth(node: GraphNode): number {
  return Math.max(...LANGUAGES.map((language) => widthIn(language, node)));
}
