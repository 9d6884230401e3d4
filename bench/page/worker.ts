import { type MeasureRequest, measure } from './measure';

/** The bench page's worker: one measurement per message, the result posted back. */
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<MeasureRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => {
  measure(e.data).then((result) => scope.postMessage(result));
};
