/**
 * Where and why a JSON text is malformed, the same on every JavaScript engine: Node 20's JSON.parse
 * says "Unexpected end of JSON input" with no position, Node 22's adds one, browsers word it their own
 * way. Run only after JSON.parse has failed, so its speed does not matter; it follows RFC 8259.
 *
 * `{"a": 1,}` → { offset: 8, reason: 'expected a string in double quotes, found "}"' }
 */
export interface JsonSyntaxError {
  /** Character offset of the first character that cannot be part of valid JSON. */
  offset: number;
  reason: string;
}

/** A character as an error message may show it: printable ones quoted, others by code point. */
export function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  const code = ch.codePointAt(0)!;
  if (code === 0xfffd) return 'a byte that is not UTF-8 text';
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `the control character U+${hex(code)}`;
  return `"${ch}"`;
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

class SyntaxStop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw new SyntaxStop(i, `expected ${expected}, found ${describeChar(text[i])}`);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`);
      i++;
    }
  };
  const digits = (what: string) => {
    if (!/[0-9]/.test(text[i] ?? '')) fail(what);
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits('a digit');
    if (text[i] === '.') {
      i++;
      digits('a digit after the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits('a digit in the exponent');
    }
  };
  const string = () => {
    if (text[i] !== '"') fail('a string in double quotes');
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('a closing double quote');
      if (ch === '"') break;
      if (ch! < ' ') fail('a closing double quote (a line break inside a string is written \\n)');
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('a hex digit');
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? 'x'))
          fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      }
      i++;
    }
    i++;
  };
  const sequence = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') fail(`"," or "${close}"`);
      i++;
      space();
    }
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{')
      sequence('}', () => {
        string();
        space();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
      });
    else if (ch === '[') sequence(']', value);
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || /[0-9]/.test(ch ?? '')) number();
    else fail('a value');
  };
  try {
    value();
    space();
    if (i < text.length) fail('the end of the file after the value');
    return null;
  } catch (err) {
    if (err instanceof SyntaxStop) return { offset: err.offset, reason: err.reason };
    // Nesting deeper than the stack: JSON.parse's own message stands in.
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** True when text decoded from bytes is not text at all: NUL bytes or invalid UTF-8 (an image, an archive). */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  return head.includes('\u0000') || head.includes('\ufffd');
}
