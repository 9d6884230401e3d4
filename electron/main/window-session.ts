import type { OpenedProject } from '../shared/api.js';
import { IpcChannel } from '../shared/channels.js';

export interface WindowSessionIo {
  send(channel: IpcChannel, payload: unknown): void;
  /** Asks the user whether to close and lose unsaved changes. */
  confirmDiscard(): Promise<boolean>;
  /** Closes the window for real (the close guard lets this one through). */
  close(): void;
}

/** How long the renderer has to answer "may I close?" before the user is asked instead. */
export const CLOSE_ANSWER_TIMEOUT_MS = 3000;

/**
 * The main process's side of one window's page: files opened from outside wait until the page
 * listens for them, and closing asks the page first (unsaved changes), then the user.
 */
export class WindowSession {
  private ready = false;
  private readonly pending: OpenedProject[] = [];
  private lastRequest = 0;
  private awaiting: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closing = false;

  constructor(
    private readonly io: WindowSessionIo,
    private readonly timeoutMs = CLOSE_ANSWER_TIMEOUT_MS,
  ) {}

  /** A project opened from outside the page: sent now when the page listens, else kept for it. */
  openFile(file: OpenedProject): void {
    if (this.ready) this.io.send(IpcChannel.OpenFile, file);
    else this.pending.push(file);
  }

  /** The page registered its listener: hand over what waited. */
  markReady(): void {
    this.ready = true;
    for (const file of this.pending.splice(0)) this.io.send(IpcChannel.OpenFile, file);
  }

  /** The page reloads: its listeners are gone until it says it is ready again. */
  pageReloading(): void {
    this.ready = false;
  }

  /** The window's 'close' event. Holds the close until the page (or the user) agrees. */
  onClose(event: { preventDefault(): void }): void {
    if (this.closing) return;
    event.preventDefault();
    if (this.awaiting !== null) return;
    const id = ++this.lastRequest;
    this.awaiting = id;
    this.io.send(IpcChannel.CloseRequest, id);
    this.timer = setTimeout(() => void this.answer(id, false), this.timeoutMs);
  }

  /** The page's answer to close request `id` (stale or duplicate answers are ignored). */
  async answer(id: number, mayClose: boolean): Promise<void> {
    if (id !== this.awaiting) return;
    this.awaiting = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (mayClose || (await this.io.confirmDiscard())) {
      this.closing = true;
      this.io.close();
    }
  }
}
