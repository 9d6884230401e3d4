import { type MeasureRequest, type MeasureResult, measure } from './measure';

/** Measures on this page's main thread or in a fresh worker; bench/browser.ts calls it through page.evaluate. */
async function run(req: MeasureRequest, where: 'main' | 'worker'): Promise<MeasureResult> {
  if (where === 'main') return measure(req);
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<MeasureResult>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<MeasureResult>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
      worker.postMessage(req);
    });
  } finally {
    worker.terminate();
  }
}

(window as unknown as { __bench: unknown }).__bench = { run };
