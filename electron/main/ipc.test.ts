import { mkdir, mkdtemp, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { IpcChannel } from '../shared/channels.js';
import { AppStateStore } from './app-state.js';
import { FileGrants } from './grants.js';
import { type IpcDeps, registerIpc } from './ipc.js';
import { APP_ORIGIN, senderWindow } from './security.js';

interface FakeWindow {
  id: number;
  webContents: { id: number };
  title: string;
  edited: boolean;
  setTitle(title: string): void;
  setDocumentEdited(edited: boolean): void;
}

const fakeWindow = (id: number): FakeWindow => ({
  id,
  webContents: { id: id * 10 },
  title: '',
  edited: false,
  setTitle(title) {
    this.title = title;
  },
  setDocumentEdited(edited) {
    this.edited = edited;
  },
});

/** An IPC event as Electron delivers it: the sending contents and frame. */
const eventFrom = (contentsId: number, url = `${APP_ORIGIN}/index.html`, parent: unknown = null) => ({
  sender: { id: contentsId },
  senderFrame: { url, parent },
});

/** Registers the real handlers on a fake ipcMain, with scripted dialogs, in a temporary folder. */
async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'netcanvas-ipc-'));
  const win = fakeWindow(1);
  const handlers = new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>();
  const listeners = new Map<string, (event: unknown, payload?: unknown) => void>();
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, payload?: unknown) => Promise<unknown>) =>
      handlers.set(channel, fn),
    on: (channel: string, fn: (event: unknown, payload?: unknown) => void) => listeners.set(channel, fn),
  } as unknown as Pick<IpcMain, 'handle' | 'on'>;
  const answers: (string | null)[] = [];
  const dialogCalls: string[] = [];
  const next = (kind: string) => async (_w: FakeWindow, suggestion?: string) => {
    dialogCalls.push(suggestion === undefined ? kind : `${kind}:${suggestion}`);
    return answers.shift() ?? null;
  };
  const many = (kind: string) => async () => {
    dialogCalls.push(kind);
    const answer = answers.shift();
    return answer ? answer.split('|') : null;
  };
  const state = await AppStateStore.load(join(dir, 'userData', 'app-state.json'));
  const warnings: string[] = [];
  const closeAnswers: [number, boolean][] = [];
  let ready = 0;
  const deps: IpcDeps<FakeWindow> = {
    ipcMain,
    windowOf: (event) => senderWindow(event as never, [win], [APP_ORIGIN]),
    dialogs: {
      openProject: next('open'),
      saveProject: next('save'),
      exportFolder: next('export'),
      openDataFolder: next('dataFolder'),
      openDataFiles: many('dataFiles'),
    },
    state,
    grants: new FileGrants(),
    userData: join(dir, 'userData'),
    datasetsFolder: join(dir, 'datasets'),
    recentChanged: () => {},
    readyForFiles: () => {
      ready += 1;
    },
    closeAnswer: (_w, id, mayClose) => closeAnswers.push([id, mayClose]),
    warn: (m) => warnings.push(m),
  };
  registerIpc(deps);
  const invoke = (channel: IpcChannel, payload?: unknown, event: unknown = eventFrom(10)) =>
    handlers.get(channel)!(event, payload);
  const send = (channel: IpcChannel, payload?: unknown, event: unknown = eventFrom(10)) =>
    listeners.get(channel)!(event, payload);
  return { dir, win, invoke, send, answers, dialogCalls, state, warnings, closeAnswers, ready: () => ready };
}

describe('IPC senders', () => {
  it('registers a handler for every invoke channel and a listener for every send channel', async () => {
    const t = await setup();
    for (const channel of [IpcChannel.OpenProject, IpcChannel.SaveProject, IpcChannel.ExportModel]) {
      expect(() => t.invoke(channel, undefined, eventFrom(999))).not.toThrow();
    }
  });

  it('ignores requests from contents that are not the app window, before any dialog or disk access', async () => {
    const t = await setup();
    const path = join(t.dir, 'x.netcanvas.json');
    const save = { path: null, suggestedName: 'x.netcanvas.json', text: '{}', saveAs: true };
    t.answers.push(path);
    expect(await t.invoke(IpcChannel.SaveProject, save, eventFrom(999))).toBeNull();
    expect(t.dialogCalls).toEqual([]);
    await expect(readdir(t.dir)).resolves.not.toContain('x.netcanvas.json');
    expect(t.warnings[0]).toMatch(/not the app's window/);
  });

  it('ignores the app window when the message comes from an iframe or another origin', async () => {
    const t = await setup();
    expect(
      await t.invoke(IpcChannel.ListRecent, undefined, eventFrom(10, `${APP_ORIGIN}/index.html`, {})),
    ).toBeNull();
    expect(
      await t.invoke(IpcChannel.ListRecent, undefined, eventFrom(10, 'https://example.com/')),
    ).toBeNull();
    t.send(IpcChannel.SetTitle, 'pwned', eventFrom(10, 'https://example.com/'));
    expect(t.win.title).toBe('');
    expect(await t.invoke(IpcChannel.ListRecent)).toEqual([]);
  });
});

describe('IPC payload validation', () => {
  it('refuses malformed requests: extra fields, names with folders, text over the limit, wrong types', async () => {
    const t = await setup();
    const ok = { path: null, suggestedName: 'a.netcanvas.json', text: '{}', saveAs: true };
    await expect(t.invoke(IpcChannel.SaveProject, { ...ok, mode: 0o777 })).rejects.toThrow(/Refused/);
    await expect(
      t.invoke(IpcChannel.SaveProject, { ...ok, suggestedName: '../../etc/passwd' }),
    ).rejects.toThrow(/file name/);
    await expect(t.invoke(IpcChannel.SaveProject, { ...ok, text: 42 })).rejects.toThrow(/Refused/);
    await expect(t.invoke(IpcChannel.WriteAutosave, 'x'.repeat(128 * 2 ** 20 + 1))).rejects.toThrow(
      /Refused/,
    );
    await expect(t.invoke(IpcChannel.OpenRecent, 'a\0b')).rejects.toThrow(/NUL/);
    expect(t.dialogCalls).toEqual([]);
  });

  it('refuses to save to a path the user did not choose in this window', async () => {
    const t = await setup();
    const elsewhere = join(t.dir, 'bashrc.json');
    await writeFile(elsewhere, 'original');
    const request = {
      path: elsewhere,
      suggestedName: 'x.netcanvas.json',
      text: 'overwritten',
      saveAs: false,
    };
    await expect(t.invoke(IpcChannel.SaveProject, request)).rejects.toThrow(
      /not opened or saved in this window/,
    );
    expect(await readFile(elsewhere, 'utf8')).toBe('original');
  });

  it('opens only files on the recent list, and only .json files dropped on the window', async () => {
    const t = await setup();
    const secret = join(t.dir, 'secret.txt');
    await writeFile(secret, 'secret');
    await expect(t.invoke(IpcChannel.OpenRecent, secret)).rejects.toThrow(/not in the recent files list/);
    await expect(t.invoke(IpcChannel.OpenDropped, secret)).rejects.toThrow(/not a project file/);
    await expect(t.invoke(IpcChannel.OpenDropped, 'relative.json')).rejects.toThrow(/absolute/);
  });

  it('refuses export files with folder names, hidden names, duplicates, or none at all', async () => {
    const t = await setup();
    const file = (name: string) => ({ name, data: new Uint8Array([1]) });
    const request = (files: unknown[]) => ({ format: 'onnx', suggestedName: 'm-onnx', files });
    await expect(t.invoke(IpcChannel.ExportModel, request([file('../model.onnx')]))).rejects.toThrow(
      /plain file name/,
    );
    await expect(t.invoke(IpcChannel.ExportModel, request([file('.bashrc')]))).rejects.toThrow(
      /plain file name/,
    );
    await expect(t.invoke(IpcChannel.ExportModel, request([file('a'), file('a')]))).rejects.toThrow(
      /share a name/,
    );
    await expect(t.invoke(IpcChannel.ExportModel, request([]))).rejects.toThrow(/Refused/);
    await expect(
      t.invoke(IpcChannel.ExportModel, { ...request([file('a')]), format: 'keras' }),
    ).rejects.toThrow(/Refused/);
    expect(t.dialogCalls).toEqual([]);
  });
});

describe('IPC file operations', () => {
  it('opens a file chosen in the dialog, then saves back to it without asking', async () => {
    const t = await setup();
    const path = join(t.dir, 'moons.netcanvas.json');
    await writeFile(path, '{"v":1}');
    t.answers.push(path);
    expect(await t.invoke(IpcChannel.OpenProject)).toEqual({
      path,
      name: 'moons.netcanvas.json',
      text: '{"v":1}',
    });
    const saved = await t.invoke(IpcChannel.SaveProject, {
      path,
      suggestedName: 'moons.netcanvas.json',
      text: '{"v":2}',
      saveAs: false,
    });
    expect(saved).toEqual({ path, name: 'moons.netcanvas.json' });
    expect(await readFile(path, 'utf8')).toBe('{"v":2}');
    expect(t.dialogCalls).toEqual(['open']);
    expect(t.state.recent).toEqual([{ path, name: 'moons.netcanvas.json' }]);
  });

  it('asks where to save a new project, adds the extension, and returns null when cancelled', async () => {
    const t = await setup();
    const request = { path: null, suggestedName: 'Untitled.netcanvas.json', text: '{}', saveAs: false };
    expect(await t.invoke(IpcChannel.SaveProject, request)).toBeNull();
    t.answers.push(join(t.dir, 'spirals'));
    expect(await t.invoke(IpcChannel.SaveProject, request)).toEqual({
      path: join(t.dir, 'spirals.netcanvas.json'),
      name: 'spirals.netcanvas.json',
    });
    expect(t.dialogCalls).toEqual(['save:Untitled.netcanvas.json', 'save:Untitled.netcanvas.json']);
    expect(await readdir(t.dir)).toContain('spirals.netcanvas.json');
  });

  it('reopens a recent file, and drops it from the list when it is gone', async () => {
    const t = await setup();
    const path = join(t.dir, 'recent.netcanvas.json');
    await writeFile(path, '{}');
    t.answers.push(path);
    await t.invoke(IpcChannel.OpenProject);
    expect((await t.invoke(IpcChannel.OpenRecent, path)) as { text: string }).toMatchObject({ text: '{}' });
    await unlink(path);
    await expect(t.invoke(IpcChannel.OpenRecent, path)).rejects.toThrow(/no longer exists/);
    expect(await t.invoke(IpcChannel.ListRecent)).toEqual([]);
  });

  it('writes an export into the folder chosen in the dialog', async () => {
    const t = await setup();
    const folder = join(t.dir, 'moons-tfjs');
    t.answers.push(folder);
    const files = [
      { name: 'model.json', data: new TextEncoder().encode('{}') },
      { name: 'weights.bin', data: new Uint8Array([0, 0, 128, 63]) },
    ];
    expect(
      await t.invoke(IpcChannel.ExportModel, { format: 'tfjs', suggestedName: 'moons-tfjs', files }),
    ).toEqual({
      folder,
      files: ['model.json', 'weights.bin'],
    });
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.bin']);
    expect(t.dialogCalls).toEqual(['export:moons-tfjs']);
  });

  it('keeps the autosave in the app data folder', async () => {
    const t = await setup();
    expect(await t.invoke(IpcChannel.ReadAutosave)).toBeNull();
    await t.invoke(IpcChannel.WriteAutosave, '{"draft":true}');
    expect(await t.invoke(IpcChannel.ReadAutosave)).toBe('{"draft":true}');
    await t.invoke(IpcChannel.ClearAutosave);
    expect(await t.invoke(IpcChannel.ReadAutosave)).toBeNull();
  });

  it('sets the title and edited dot, and routes ready and close answers', async () => {
    const t = await setup();
    t.send(IpcChannel.SetTitle, 'moons — NetCanvas');
    t.send(IpcChannel.SetEdited, true);
    t.send(IpcChannel.SetEdited, 'yes');
    t.send(IpcChannel.ReadyForFiles);
    t.send(IpcChannel.CloseAnswer, { id: 3, mayClose: false });
    expect(t.win.title).toBe('moons — NetCanvas');
    expect(t.win.edited).toBe(true);
    expect(t.ready()).toBe(1);
    expect(t.closeAnswers).toEqual([[3, false]]);
    expect(t.warnings).toHaveLength(1);
  });
});

describe('IPC data files', () => {
  it("reads a built-in data set's four files from the datasets folder only, null where absent", async () => {
    const t = await setup();
    await mkdir(join(t.dir, 'datasets', 'fashion-mnist'), { recursive: true });
    await writeFile(
      join(t.dir, 'datasets', 'fashion-mnist', 't10k-labels-idx1-ubyte.gz'),
      Uint8Array.from([1, 2]),
    );
    const read = await t.invoke(IpcChannel.ReadBuiltinData, 'fashion-mnist/t10k-labels-idx1-ubyte.gz');
    expect(Array.from(read as Uint8Array)).toEqual([1, 2]);
    expect(await t.invoke(IpcChannel.ReadBuiltinData, 'fashion-mnist/train-images-idx3-ubyte.gz')).toBeNull();
    for (const bad of ['../../../etc/passwd', '/etc/passwd', 'fashion-mnist/other.gz', 7, undefined]) {
      await expect(t.invoke(IpcChannel.ReadBuiltinData, bad), String(bad)).rejects.toThrow(
        /Refused netcanvas:read-builtin-data/,
      );
    }
  });

  it('reads the images of a folder chosen in the dialog, class by class, and nothing when cancelled', async () => {
    const t = await setup();
    const folder = join(t.dir, 'shoes');
    await mkdir(join(folder, 'boot'), { recursive: true });
    await mkdir(join(folder, 'sandal', 'deeper'), { recursive: true });
    await mkdir(join(folder, '.cache'), { recursive: true });
    await writeFile(join(folder, 'boot', '1.png'), Uint8Array.from([1]));
    await writeFile(join(folder, 'sandal', '2.JPG'), Uint8Array.from([2]));
    await writeFile(join(folder, 'sandal', 'notes.txt'), 'left out');
    await writeFile(join(folder, 'sandal', 'deeper', '3.png'), Uint8Array.from([3]));
    await writeFile(join(folder, '.cache', '4.png'), Uint8Array.from([4]));
    await writeFile(join(folder, 'top.png'), Uint8Array.from([5]));
    t.answers.push(folder);
    const opened = (await t.invoke(IpcChannel.OpenDataFolder)) as {
      name: string;
      files: { path: string; data: Uint8Array }[];
    };
    expect(opened.name).toBe('shoes');
    expect(opened.files.map((f) => [f.path, Array.from(f.data)]).sort()).toEqual([
      ['boot/1.png', [1]],
      ['sandal/2.JPG', [2]],
    ]);
    expect(await t.invoke(IpcChannel.OpenDataFolder)).toBeNull();
    expect(t.dialogCalls).toEqual(['dataFolder', 'dataFolder']);
    await expect(t.invoke(IpcChannel.OpenDataFolder, { path: '/etc' })).rejects.toThrow(/Refused/);
  });

  it('reads the data files chosen in the dialog, by name', async () => {
    const t = await setup();
    await writeFile(join(t.dir, 'train.csv'), 'a,b\n1,0\n');
    await writeFile(join(t.dir, 'labels.gz'), Uint8Array.from([9]));
    t.answers.push(`${join(t.dir, 'train.csv')}|${join(t.dir, 'labels.gz')}`);
    const files = (await t.invoke(IpcChannel.OpenDataFiles)) as { name: string; data: Uint8Array }[];
    expect(files.map((f) => [f.name, f.data.length])).toEqual([
      ['train.csv', 8],
      ['labels.gz', 1],
    ]);
    t.answers.push(join(t.dir, 'missing.csv'));
    await expect(t.invoke(IpcChannel.OpenDataFiles)).rejects.toThrow(
      'Could not open the data files: the folder does not exist.',
    );
  });
});
