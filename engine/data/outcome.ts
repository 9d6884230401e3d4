/**
 * What a step of reading a data file gives: a value, or messages saying what is wrong with the file.
 * The loaders turn messages into DATASET problems; nothing here throws on bad input.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; messages: string[] };
export type Failure = Extract<Outcome<unknown>, { ok: false }>;

export const good = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const bad = (...messages: string[]): Failure => ({ ok: false, messages });

/** The same failure with `prefix` before each message: "t10k-labels-idx1-ubyte.gz: " + "is cut short…". */
export const prefixed = (failure: Failure, prefix: string): Failure =>
  bad(...failure.messages.map((m) => prefix + m));

/** The message of anything thrown (decoders throw plain Errors on corrupt data). */
export const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
