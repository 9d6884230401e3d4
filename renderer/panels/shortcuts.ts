/** Shortcut labels: ⌘ on macOS, Ctrl elsewhere. */
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl+';
export const SHIFT = isMac ? '⇧' : 'Shift+';
export const ALT = isMac ? '⌥' : 'Alt+';

/** Every keyboard shortcut, for the menus and the shortcuts dialog. */
export const SHORTCUTS = {
  new: `${ALT}N`,
  open: `${MOD}O`,
  save: `${MOD}S`,
  saveAs: `${MOD}${SHIFT}S`,
  undo: `${MOD}Z`,
  redo: `${MOD}${SHIFT}Z · Ctrl+Y`,
  copy: `${MOD}C`,
  paste: `${MOD}V`,
  duplicate: `${MOD}D`,
  delete: 'Delete · Backspace',
  selectAll: `${MOD}A`,
  layout: 'L',
  fitView: 'F',
  search: '/ · double-click',
  boxSelect: `${SHIFT}drag`,
  addToSelection: `${SHIFT}click`,
} as const;
