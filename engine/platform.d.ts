// The few globals the engine relies on. Node, Web Workers and browsers all provide them; declaring
// them here (instead of pulling in the DOM library) keeps DOM types out of engine/, so a stray
// `document` or `window` is a type error.
declare const performance: { now(): number };
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
