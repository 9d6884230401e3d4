// The few globals the engine relies on. Node, Web Workers and browsers all provide them; declaring
// them here (instead of pulling in the DOM library) keeps DOM types out of engine/, so a stray
// `document` or `window` is a type error.
declare const performance: { now(): number };
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function structuredClone<T>(value: T): T;
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};

/** The part of the WebAssembly JS API that engine/fast/wasm uses (the DOM and worker libraries declare it). */
declare namespace WebAssembly {
  // biome-ignore lint/suspicious/noEmptyInterface: an interface, to merge with the DOM library's own empty one.
  interface Module {}
  var Module: { prototype: Module; new (bytes: Uint8Array): Module };
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  var Instance: {
    prototype: Instance;
    new (module: Module, imports?: Record<string, Record<string, unknown>>): Instance;
  };
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  var Memory: { prototype: Memory; new (descriptor: MemoryDescriptor): Memory };
  function validate(bytes: Uint8Array): boolean;
}
