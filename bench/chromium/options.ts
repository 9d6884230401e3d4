import { type Browser, chromium } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM, WEBGPU_ARGS } from '../../e2e/browser';

/** How the browser part runs: `quick` for a short pass, `only` for one half, `log` for progress. */
export interface ChromiumOptions {
  quick: boolean;
  only: 'throughput' | 'ui' | null;
  log: (line: string) => void;
}

/** The options of the command line `args`: `--quick`, `--only=throughput|ui`; progress on stderr. */
export function chromiumOptions(args: readonly string[]): ChromiumOptions {
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  return {
    quick: args.includes('--quick'),
    only: only === 'throughput' || only === 'ui' ? only : null,
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

/** tf.js's backends, and the fast float32 executor (engine/fast) beside tf.js on WASM. */
export const BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu', 'fast'] as const;
export type Backend = (typeof BACKENDS)[number];
export type Where = 'worker' | 'main';
export const PLACES: Where[] = ['worker', 'main'];
export const VIEWPORT = { width: 1440, height: 1000 };
/**
 * The graph and backend of the live-UI comparison: the fast executor, which the app's "Automatic"
 * choice measures fastest for this graph on a CPU-only machine.
 */
export const LIVE_GRAPH = 'moons-2-5-2-1';
export const LIVE_BACKEND: Backend = 'fast';

export const repeatsOf = (o: ChromiumOptions): number => (o.quick ? 1 : 3);

/** tsx compiles with esbuild's keepNames: functions sent to page.evaluate call `__name`, which pages lack. */
export const NAME_SHIM = { content: 'globalThis.__name = (f) => f;' };

/** Debian's Chromium, headless, with the e2e tests' flags (and SwiftShader's for WebGPU). */
export const launch = (webgpu: boolean): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: webgpu ? [...BROWSER_ARGS, ...WEBGPU_ARGS] : BROWSER_ARGS,
    headless: true,
  });
