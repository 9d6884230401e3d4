import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, looksBinary } from './json-syntax.js';
import { parseDocument } from './parse.js';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON, as JSON.parse does', () => {
    for (const text of [
      '{}',
      ' [1, -0.5e+3, "a\\n\\u00e9", true, false, null] ',
      '{"a": {"b": []}}',
      '"x"',
    ]) {
      expect(JSON.parse(text)).toBeDefined();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('points at the first character JSON cannot take, with what it expected', () => {
    // '{"a": 1,}': the "}" at offset 8 comes where a key must.
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({
      offset: 8,
      reason: 'expected a string in double quotes, found "}"',
    });
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({ offset: 5, reason: 'expected ":", found "1"' });
    expect(findJsonSyntaxError('[01]')?.offset).toBe(2);
    expect(findJsonSyntaxError('{} x')?.reason).toBe(
      'expected the end of the file after the value, found "x"',
    );
  });

  it('says a truncated file ends where a value or quote was still due', () => {
    // '{"a": [1, 2' ends at offset 11 with the array still open.
    expect(findJsonSyntaxError('{"a": [1, 2')).toEqual({
      offset: 11,
      reason: 'expected "," or "]", found the end of the file',
    });
    expect(findJsonSyntaxError('{"name": "half')?.reason).toBe(
      'expected a closing double quote, found the end of the file',
    );
  });

  it('names control characters by code point instead of printing them', () => {
    expect(findJsonSyntaxError('[\u0007]')?.reason).toBe(
      'expected a value, found the control character U+0007',
    );
  });

  it('tells binary from text by NUL bytes or undecodable UTF-8', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('utf8');
    expect(looksBinary(png)).toBe(true);
    expect(looksBinary('{"name": "数字"}')).toBe(false);
  });
});

describe('parseDocument on broken files', () => {
  it('gives line and column for a truncated document on every Node version', () => {
    // Line 3 is '  "name": "x"' (13 characters); the file ends right after it, at column 14.
    const result = parseDocument('{\n  "format": "netcanvas",\n  "name": "x"');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toBe(
      'line 3, column 14: expected "," or "}", found the end of the file.',
    );
  });

  it('reports a PNG renamed .json as binary without echoing a byte of it', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48,
    ]).toString('utf8');
    const message = parseDocument(png).problems[0]?.message ?? '';
    expect(message).toMatch(/^The file is not text/);
    expect(message).toMatch(/^[\x20-\x7e]+$/);
  });

  it('reads a document that starts with a byte-order mark', () => {
    expect(parseDocument('\ufeff{"format": "other"}').problems[0]?.code).toBe('NOT_A_DOCUMENT');
  });
});
