import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../shared/api.js';
import { writeFileAtomic } from './files.js';
import { MAX_RECENT_FILES } from './recent-files.js';
import { type WindowState, WindowStateSchema } from './window-state.js';

const AppStateSchema = z.object({
  version: z.literal(1),
  recent: z
    .array(z.object({ path: z.string().min(1).max(4096), name: z.string().max(255) }))
    .max(MAX_RECENT_FILES)
    .catch([]),
  window: WindowStateSchema.nullable().catch(null),
});

/** What the app remembers between sessions: recent files and where the window was. */
export type AppState = z.infer<typeof AppStateSchema>;

export const EMPTY_STATE: AppState = { version: 1, recent: [], window: null };

export function appStateFile(userData: string): string {
  return join(userData, 'app-state.json');
}

/** Parses a saved state; anything unreadable gives the empty state (a bad file never stops the app). */
export function parseAppState(text: string | null): AppState {
  if (text === null) return structuredClone(EMPTY_STATE);
  try {
    const parsed = AppStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : structuredClone(EMPTY_STATE);
  } catch {
    return structuredClone(EMPTY_STATE);
  }
}

/**
 * The app's state, held in memory and written through to one JSON file (atomically, one write at a
 * time, the last one winning). Made once at start-up and passed to whoever needs it.
 */
export class AppStateStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private state: AppState,
  ) {}

  static async load(file: string): Promise<AppStateStore> {
    const text = await readFile(file, 'utf8').catch(() => null);
    return new AppStateStore(file, parseAppState(text));
  }

  get recent(): readonly RecentFile[] {
    return this.state.recent;
  }

  get window(): WindowState | null {
    return this.state.window;
  }

  /** Applies a change and schedules the write; resolves when it is on disk. */
  update(change: (state: AppState) => AppState): Promise<void> {
    this.state = change(this.state);
    const text = `${JSON.stringify(this.state, null, 2)}\n`;
    this.writing = this.writing
      .catch(() => {})
      .then(async () => {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, text);
      });
    return this.writing;
  }

  setRecent(recent: RecentFile[]): Promise<void> {
    return this.update((s) => ({ ...s, recent }));
  }

  setWindow(window: WindowState): Promise<void> {
    return this.update((s) => ({ ...s, window }));
  }
}
