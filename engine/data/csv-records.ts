import Papa, { type ParseResult, type Parser } from 'papaparse';

/**
 * Splits CSV text into records with papaparse (RFC 4180: comma-separated, fields optionally in double
 * quotes with "" for a quote, line breaks inside quotes kept), accepting LF, CRLF or CR line ends.
 * Each record carries the 1-based line it starts on, so errors can point into the file. The text is
 * parsed in chunks of CSV_CHUNK_CHARS, with a progress report after each.
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

/** Characters parsed at a time: 4 Mi, about 200,000 rows of three numbers. */
export const CSV_CHUNK_CHARS = 4 * 2 ** 20;

/** What papaparse's quote errors mean, said as the reader says it. */
const SYNTAX_ERRORS: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed.',
  InvalidQuotes: 'unexpected text after the closing quote of a field.',
};

/** Receives each record in order; returning false stops the reading. */
export type CsvRecordSink = (record: CsvRecord) => boolean | undefined;

/** Fraction of the text read so far, 0..1, after each chunk. */
export type CsvProgress = (fraction: number) => void;

/** 'a\nb' → 'a\nb'; 'a\r\nb\rc' → 'a\nb\nc': papaparse takes one kind of line break per file. */
const withLineFeeds = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

function lineBreaksIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count++;
  }
  return count;
}

/**
 * Hands the records of `text` to `sink` one by one. Returns the first syntax error (the records
 * before it have been handed over), or null.
 */
export function readCsvRecords(
  text: string,
  sink: CsvRecordSink,
  onProgress?: CsvProgress,
): CsvSyntaxError | null {
  const body = withLineFeeds(text);
  let line = 1;
  let syntax: CsvSyntaxError | null = null;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    chunkSize: CSV_CHUNK_CHARS,
    chunk: (results: ParseResult<string[]>, parser: Parser) => {
      // An error's row counts from the start of its chunk.
      const error = results.errors[0];
      const rows = error ? results.data.slice(0, error.row ?? 0) : results.data;
      for (const cells of rows) {
        if (sink({ line, cells }) === false) {
          parser.abort();
          return;
        }
        line += 1 + lineBreaksIn(cells);
      }
      if (error) {
        syntax = { line, error: `line ${line}: ${SYNTAX_ERRORS[error.code] ?? error.message}` };
        parser.abort();
        return;
      }
      onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, body.length)));
    },
    complete: () => undefined,
  });
  return syntax;
}

/** Every record of `text`, then its syntax error if it has one. */
export function csvRecords(text: string): Array<CsvRecord | CsvSyntaxError> {
  const records: Array<CsvRecord | CsvSyntaxError> = [];
  const error = readCsvRecords(text, (record) => {
    records.push(record);
    return true;
  });
  return error ? [...records, error] : records;
}

/** True for a record that is only an empty line (or spaces), which the reader skips. */
export const isBlankRecord = (record: CsvRecord): boolean =>
  record.cells.length === 1 && (record.cells[0] as string).trim() === '';
