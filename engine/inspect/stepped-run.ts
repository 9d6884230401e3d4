import { prepareRun } from '../compile/prepare.js';
import type { GraphDocument } from '../document/schema.js';
import type { TrainingEvent } from '../train/events.js';
import { TrainingRun } from '../train/trainer.js';

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise<void>((r) => setTimeout(() => r(), 10));
};

/**
 * For Step mode's tests: a fast-executor run of `doc`, paused before its first update. `step()`
 * takes one update and waits for its measurement; `finish()` stops and frees the run.
 */
export async function pausedRun(doc: GraphDocument) {
  const prepared = await prepareRun(doc);
  if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
  const events: TrainingEvent[] = [];
  const run = new TrainingRun(prepared.value.plan, prepared.value.splits, {
    executor: 'fast',
    onEvent: (e) => events.push(e),
  });
  run.pause();
  const done = run.start();
  const count = (type: string) => events.filter((e) => e.type === type).length;
  await until(() => count('start') === 1);
  return {
    ...prepared.value,
    run,
    events,
    count,
    step: async () => {
      const measured = count('layers');
      run.step();
      await until(() => count('layers') === measured + 1);
    },
    finish: async () => {
      run.stop();
      await done;
      run.dispose();
    },
  };
}
