/**
 * What the run says about its threads when it was offered a second one (a note of the start event).
 * Its own module so that a UI can say it in its language without loading the trainer.
 */
export const threadsNote = (threads: number): string =>
  threads > 1
    ? 'Fast executor: large matrix products on 2 threads.'
    : 'Fast executor on 1 thread: shared memory (SharedArrayBuffer) is unavailable here, so large matrix products do not use a second core.';
