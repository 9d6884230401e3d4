/** Chart colours readable on light and dark backgrounds. */
export const COLORS = {
  raw: 'rgba(120, 144, 176, 0.55)',
  smoothed: '#e8590c',
  train: '#1c7ed6',
  dev: '#e8590c',
  lr: '#7048e8',
  /** One colour per compared run, in order. */
  runs: ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#f59f00', '#0c8599'],
};
