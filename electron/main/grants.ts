import { resolve } from 'node:path';

/**
 * The files each window may write without asking: those the user chose for it (open and save
 * dialogs, a double-clicked or dropped file, a recent file). A renderer that asks to save anywhere
 * else is refused: a compromised page cannot pick a path on its own.
 */
export class FileGrants {
  private readonly byWindow = new Map<number, Set<string>>();

  grant(windowId: number, path: string): void {
    let paths = this.byWindow.get(windowId);
    if (!paths) {
      paths = new Set();
      this.byWindow.set(windowId, paths);
    }
    paths.add(resolve(path));
  }

  isGranted(windowId: number, path: string): boolean {
    return this.byWindow.get(windowId)?.has(resolve(path)) ?? false;
  }

  /** Forgets a closed window's files. */
  forget(windowId: number): void {
    this.byWindow.delete(windowId);
  }
}
