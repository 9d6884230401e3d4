import { describe, expect, it } from 'vitest';
import { firstErrorLine } from './electron-binary.js';

describe("the start script's view of a failed Electron download", () => {
  it('keeps the first line of the installer stack trace, without the error class', () => {
    const stderr = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:13502:13',
      '    at async downloadArtifact (node_modules/@electron/get/dist/index.js:181:12)',
    ].join('\n');
    expect(firstErrorLine(stderr)).toBe('fetch failed');
    expect(firstErrorLine('\nHTTPError: Response code 404 (Not Found)\n')).toBe(
      'Response code 404 (Not Found)',
    );
  });
});
