/**
 * Splits CSV text into records (RFC 4180: comma-separated, fields optionally in double quotes with
 * "" for a quote, line breaks inside quotes kept), accepting LF, CRLF or CR line ends. Each record
 * carries the 1-based line it starts on, so errors can point into the file.
 * 'a,"b ""c"""\r\n1,2' → { line: 1, cells: ['a', 'b "c"'] }, { line: 2, cells: ['1', '2'] }.
 */

/** One record (a row) and the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Text that is not CSV at all, e.g. a quote never closed. */
export interface CsvSyntaxError {
  line: number;
  error: string;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const isBlank = (code: number): boolean => code === 32 || code === 9;

function lineBreaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** Yields the records of `text` one by one; the first syntax error is yielded last. */
export function* csvRecords(text: string): Generator<CsvRecord | CsvSyntaxError> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      let start = i;
      while (start < n && isBlank(text.charCodeAt(start))) start++;
      if (start < n && text.charCodeAt(start) === QUOTE) {
        let value = '';
        let k = start + 1;
        let closed = false;
        while (k < n) {
          const q = text.indexOf('"', k);
          if (q < 0) break;
          value += text.slice(k, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            k = q + 2;
          } else {
            k = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          yield { line: recordLine, error: `line ${recordLine}: a quoted field is never closed.` };
          return;
        }
        line += lineBreaksIn(text, start, k);
        while (k < n && isBlank(text.charCodeAt(k))) k++;
        const next = text.charCodeAt(k);
        if (k < n && next !== COMMA && next !== CR && next !== LF) {
          yield { line, error: `line ${line}: unexpected text after the closing quote of a field.` };
          return;
        }
        cells.push(value);
        i = k;
      } else {
        let k = i;
        for (; k < n; k++) {
          const code = text.charCodeAt(k);
          if (code === COMMA || code === CR || code === LF) break;
        }
        cells.push(text.slice(i, k));
        i = k;
      }
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      if (i < n) {
        // A record ends at CRLF, LF or a lone CR.
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i++;
        i++;
        line++;
      }
      break;
    }
    yield { line: recordLine, cells };
  }
}

/** True for a record that is only an empty line (or spaces), which the reader skips. */
export const isBlankRecord = (record: CsvRecord): boolean =>
  record.cells.length === 1 && (record.cells[0] as string).trim() === '';
