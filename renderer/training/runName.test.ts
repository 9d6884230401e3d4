import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n';
import { runName } from './runName';

describe('run names in the UI language', () => {
  it('numbers runs and names lesson variants in Chinese, leaving the stored label alone', () => {
    const zh = translator('zh');
    expect(runName('Run 3', zh, 'zh')).toBe('运行 3');
    expect(runName('Raw features', zh, 'zh')).toBe('原始特征');
    expect(runName('my run', zh, 'zh')).toBe('my run');
    expect(runName('Run 3', translator('en'), 'en')).toBe('Run 3');
    expect(runName('Raw features', translator('en'), 'en')).toBe('Raw features');
  });
});
