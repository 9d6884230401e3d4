import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand, type OpenedProject } from '../shared/api.js';
import { IpcChannel } from '../shared/channels.js';
import { createNetCanvasApi } from './api.js';

/** A fake ipcRenderer recording invokes and sends, able to deliver main's messages. */
function fakeIpc() {
  const invoked: [string, unknown][] = [];
  const sent: [string, unknown][] = [];
  const listeners = new Map<string, Set<(event: unknown, value: unknown) => void>>();
  return {
    invoked,
    sent,
    invoke: async (channel: string, payload?: unknown) => {
      invoked.push([channel, payload]);
      return null;
    },
    send: (channel: string, payload?: unknown) => {
      sent.push([channel, payload]);
    },
    on(channel: string, fn: (event: unknown, value: unknown) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
      return this;
    },
    removeListener(channel: string, fn: (event: unknown, value: unknown) => void) {
      listeners.get(channel)?.delete(fn);
      return this;
    },
    deliver: (channel: string, value: unknown) => {
      for (const fn of listeners.get(channel) ?? []) fn({ senderFrame: 'secret', sender: 'ipc' }, value);
    },
  };
}

function api() {
  const ipc = fakeIpc();
  const netcanvas = createNetCanvasApi({
    ipc: ipc as never,
    pathForFile: (file) => `/dropped/${file.name}`,
    platform: 'linux',
  });
  return { ipc, netcanvas };
}

describe('preload API', () => {
  it('exposes one named function per operation and nothing generic', () => {
    const { netcanvas } = api();
    expect(Object.keys(netcanvas).sort()).toEqual(
      [
        'platform',
        'openProject',
        'openRecent',
        'openDroppedFile',
        'saveProject',
        'listRecent',
        'clearRecent',
        'readAutosave',
        'writeAutosave',
        'clearAutosave',
        'exportModel',
        'readBuiltinData',
        'openDataFolder',
        'openDataFiles',
        'setTitle',
        'setEdited',
        'onCloseRequest',
        'onMenuCommand',
        'onOpenFile',
      ].sort(),
    );
    expect(netcanvas).not.toHaveProperty('send');
    expect(netcanvas).not.toHaveProperty('invoke');
  });

  it('sends each request on its own channel', async () => {
    const { ipc, netcanvas } = api();
    const save = { path: null, suggestedName: 'a.netcanvas.json', text: '{}', saveAs: false };
    await netcanvas.openProject();
    await netcanvas.openRecent('/p/a.json');
    await netcanvas.openDroppedFile({ name: 'b.json' } as File);
    await netcanvas.saveProject(save);
    await netcanvas.writeAutosave('{}');
    await netcanvas.exportModel({ format: 'onnx', suggestedName: 'm', files: [] });
    await netcanvas.readBuiltinData('fashion-mnist/t10k-labels-idx1-ubyte.gz');
    await netcanvas.openDataFolder();
    await netcanvas.openDataFiles();
    netcanvas.setTitle('t');
    netcanvas.setEdited(true);
    expect(ipc.invoked).toEqual([
      [IpcChannel.OpenProject, undefined],
      [IpcChannel.OpenRecent, '/p/a.json'],
      [IpcChannel.OpenDropped, '/dropped/b.json'],
      [IpcChannel.SaveProject, save],
      [IpcChannel.WriteAutosave, '{}'],
      [IpcChannel.ExportModel, { format: 'onnx', suggestedName: 'm', files: [] }],
      [IpcChannel.ReadBuiltinData, 'fashion-mnist/t10k-labels-idx1-ubyte.gz'],
      [IpcChannel.OpenDataFolder, undefined],
      [IpcChannel.OpenDataFiles, undefined],
    ]);
    expect(ipc.sent).toEqual([
      [IpcChannel.SetTitle, 't'],
      [IpcChannel.SetEdited, true],
    ]);
  });

  it('hands listeners the value only (never the IPC event), and unsubscribes', () => {
    const { ipc, netcanvas } = api();
    const got: unknown[][] = [];
    const off = netcanvas.onMenuCommand((...args: unknown[]) => got.push(args));
    ipc.deliver(IpcChannel.MenuCommand, 'train' satisfies MenuCommand);
    off();
    ipc.deliver(IpcChannel.MenuCommand, 'save');
    expect(got).toEqual([['train']]);
    expect(MENU_COMMANDS).toContain('train');
  });

  it('tells main it is ready for files when the page starts listening', () => {
    const { ipc, netcanvas } = api();
    const files: OpenedProject[] = [];
    netcanvas.onOpenFile((f) => files.push(f));
    expect(ipc.sent).toEqual([[IpcChannel.ReadyForFiles, undefined]]);
    ipc.deliver(IpcChannel.OpenFile, { path: '/p/a.json', name: 'a.json', text: '{}' });
    expect(files).toHaveLength(1);
  });

  it("answers main's close request with the page's answer (yes when nobody registered one)", () => {
    const { ipc, netcanvas } = api();
    ipc.deliver(IpcChannel.CloseRequest, 1);
    const off = netcanvas.onCloseRequest(() => false);
    ipc.deliver(IpcChannel.CloseRequest, 2);
    off();
    ipc.deliver(IpcChannel.CloseRequest, 3);
    netcanvas.onCloseRequest(() => {
      throw new Error('bug');
    });
    ipc.deliver(IpcChannel.CloseRequest, 4);
    expect(ipc.sent).toEqual([
      [IpcChannel.CloseAnswer, { id: 1, mayClose: true }],
      [IpcChannel.CloseAnswer, { id: 2, mayClose: false }],
      [IpcChannel.CloseAnswer, { id: 3, mayClose: true }],
      [IpcChannel.CloseAnswer, { id: 4, mayClose: false }],
    ]);
  });
});
