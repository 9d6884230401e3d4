import type { RunRecord } from './runRecord';

/** What the replay shows: the newest update of the run (`t` null), or update t, played or not. */
export interface ReplayState {
  runId: string | null;
  t: number | null;
  playing: boolean;
  /** Updates per second while playing. */
  speed: number;
}

/** Playback speeds offered, in updates per second: the 900 updates of the moons preset take 90 s to 0.9 s. */
export const REPLAY_SPEEDS = [10, 30, 100, 300, 1000] as const;

/**
 * The training panel's replay cursor, outside React state like the run's series: the charts and the
 * boundary read `timeOf(run)` on their animation frames (no render per step), and the scrubber
 * subscribes to it. One per panel; every recorded view of the run (see timeline.ts) follows it.
 */
export class ReplayCursor {
  private state: ReplayState = { runId: null, t: null, playing: false, speed: 100 };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (a new object after every change, for useSyncExternalStore). */
  snapshot = (): ReplayState => this.state;

  /** The update shown of `run`: the cursor's t when it is on this run, else null (the newest). */
  timeOf(run: RunRecord): number | null {
    return this.state.runId === run.id ? this.state.t : null;
  }

  /** Shows update t of `run` (clamped to 1 … its last update). */
  seek(run: RunRecord, t: number): void {
    const last = lastUpdate(run);
    this.set({ runId: run.id, t: Math.min(last, Math.max(1, t)) });
  }

  /** Back to the newest update, as it arrives. */
  follow(): void {
    this.set({ runId: null, t: null, playing: false });
  }

  /** Plays `run` from where the cursor is (from the start when it is at the end). */
  play(run: RunRecord): void {
    const at = this.timeOf(run);
    const t = at === null || at >= lastUpdate(run) ? 1 : at;
    this.set({ runId: run.id, t, playing: true });
  }

  pause(): void {
    this.set({ playing: false });
  }

  setSpeed(speed: number): void {
    this.set({ speed });
  }

  /** Moves a playing cursor on by `ms` of play; stops at the run's last update. */
  advance(run: RunRecord, ms: number): void {
    const { t, playing, speed } = this.state;
    if (!playing || t === null || this.state.runId !== run.id) return;
    const last = lastUpdate(run);
    const next = t + (speed * ms) / 1000;
    this.set(next >= last ? { t: last, playing: false } : { t: next });
  }

  private set(change: Partial<ReplayState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** The run's last update so far (0 before the first). */
export const lastUpdate = (run: RunRecord): number => run.updates.t.last() ?? 0;

/** Epochs finished by update t: ⌊t / updates per epoch⌋, at most the epochs recorded. */
export function epochAt(run: RunRecord, t: number): number {
  const perEpoch = run.start?.updatesPerEpoch ?? 0;
  if (perEpoch <= 0) return 0;
  return Math.min(run.epochs.epoch.length, Math.floor(t / perEpoch));
}
