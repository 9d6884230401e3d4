/**
 * How the app learns that a training worker is gone when nothing says so (the browser ended it, or it
 * called close()): the worker holds a Web Lock for as long as it lives, and the app asks for the same
 * lock; the browser grants it the moment the worker's context is gone. Unlike a heartbeat, a worker
 * busy for seconds (compiling WebGPU shaders, parsing a large file) still holds its lock.
 */

/** The lock of one run's worker: 'netcanvas-lifeline-run-…'. */
export const lifelineName = (runId: string): string => `netcanvas-lifeline-${runId}`;

/** The part of the Web Locks API used here (navigator.locks, in pages and workers). */
interface Locks {
  request(name: string, callback: () => unknown): Promise<unknown>;
}

const locksOf = (scope: { navigator?: { locks?: Locks } }): Locks | undefined => scope.navigator?.locks;

/**
 * In the worker: takes the run's lock and never lets go of it. Resolves true once it is held, false
 * where there are no Web Locks (the app then cannot tell a silent death).
 */
export function holdLifeline(runId: string, scope = globalThis as { navigator?: { locks?: Locks } }) {
  const locks = locksOf(scope);
  if (!locks) return Promise.resolve(false);
  return new Promise<boolean>((held) => {
    void locks.request(lifelineName(runId), () => {
      held(true);
      return new Promise(() => {});
    });
  });
}

/** Resolves once the worker of `runId` is gone (never, where there are no Web Locks). */
export type LifelineWatcher = (runId: string) => Promise<void>;

export const browserLifelineWatcher: LifelineWatcher = (runId) => {
  const locks = locksOf(globalThis as { navigator?: { locks?: Locks } });
  if (!locks) return new Promise(() => {});
  // Granted only when the worker no longer holds it; given back at once.
  return locks.request(lifelineName(runId), () => undefined).then(() => undefined);
};
