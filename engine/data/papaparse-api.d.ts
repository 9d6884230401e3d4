/**
 * The part of papaparse's API the engine uses, for engine/tsconfig.json: @types/papaparse brings in
 * Node's types, which that config keeps out of the engine (the engine runs in a browser worker too).
 * The app's config reads @types/papaparse itself.
 */
export interface ParseError {
  code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  message: string;
  /** Row of the chunk's data the error is in. */
  row?: number | undefined;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: { cursor: number };
}

export interface Parser {
  abort(): void;
}

export interface ParseChunkConfig<T> {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  quoteChar: string;
  escapeChar: string;
  chunkSize: number;
  chunk(results: ParseResult<T>, parser: Parser): void;
  complete(): void;
}

declare const Papa: {
  parse<T>(text: string, config: ParseChunkConfig<T>): void;
};
export default Papa;
