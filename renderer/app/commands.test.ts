import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../engine/document/parse';
import { encodeAutosave } from '../store/autosave';
import { selectIsDirty, selectWindowTitle } from '../store/selectors';
import { fakePlatform, presetStore } from '../store/testing';
import { createProjectCommands } from './commands';

function setup() {
  const store = presetStore();
  const platform = fakePlatform();
  return { store, platform, commands: createProjectCommands(store, platform) };
}

describe('project commands', () => {
  it('saves a project and opens it back identical', async () => {
    const { store, platform, commands } = setup();
    store.getState().applyChanges([{ type: 'setParams', id: 'hidden1', params: { units: 20 } }]);
    await commands.saveAs();
    const first = platform.saved[0]!;
    expect(first.suggestedName).toBe('moons-with-adam.netcanvas.json');
    expect(first.text).toBe(serializeDocument(store.getState().doc));
    expect(selectIsDirty(store.getState())).toBe(false);

    await commands.newProject();
    expect(store.getState().doc.nodes).toHaveLength(0);
    platform.nextOpen = { name: 'copy.netcanvas.json', text: first.text, handle: null };
    await commands.openProject();
    await commands.saveAs();
    expect(platform.saved[1]!.text).toBe(first.text);
    // The title names the project, not the file it was saved to.
    expect(selectWindowTitle(store.getState())).toBe('Moons with Adam — NetCanvas');
    store.getState().applyChanges([{ type: 'setMeta', name: '' }]);
    expect(selectWindowTitle(store.getState())).toMatch(/^• .+ — NetCanvas$/);
  });

  it('keeps the current work when a file is not JSON, and says where', () => {
    const { store, commands } = setup();
    store.getState().applyChanges([{ type: 'removeNode', id: 'data' }]);
    const before = store.getState().doc;
    const ok = commands.openText(
      'broken.netcanvas.json',
      '{\n  "format": "netcanvas"\n  "version": 1\n}',
      null,
    );
    expect(ok).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(selectIsDirty(store.getState())).toBe(true);
    const dialog = store.getState().dialog;
    expect(dialog?.type).toBe('openFailed');
    if (dialog?.type !== 'openFailed') return;
    expect(dialog.file).toBe('broken.netcanvas.json');
    expect(dialog.problems[0]?.message).toMatch(/^line 3, column 3: /);
  });

  it('refuses a document from a newer NetCanvas and an invalid one, naming the field', () => {
    const { store, commands } = setup();
    const before = store.getState().doc;
    commands.openText(
      'new.netcanvas.json',
      '{"format":"netcanvas","version":99,"nodes":[],"edges":[]}',
      null,
    );
    expect(store.getState().dialog).toMatchObject({ problems: [{ code: 'VERSION_TOO_NEW' }] });
    commands.openText(
      'bad.netcanvas.json',
      '{"format":"netcanvas","version":1,"nodes":[{"id":"a","kind":"Dense","position":{"x":"left","y":0}}],"edges":[]}',
      null,
    );
    expect(store.getState().dialog).toMatchObject({
      problems: [{ code: 'SCHEMA', path: 'nodes.0.position.x' }],
    });
    expect(store.getState().doc).toBe(before);
  });

  it('asks before discarding unsaved changes, and keeps them when the user cancels', async () => {
    const { store, commands } = setup();
    store.getState().applyChanges([{ type: 'removeNode', id: 'data' }]);
    const pending = commands.newProject();
    const dialog = store.getState().dialog;
    expect(dialog?.type).toBe('confirmDiscard');
    if (dialog?.type === 'confirmDiscard') dialog.resolve(false);
    await pending;
    expect(store.getState().doc.nodes).toHaveLength(6);
  });

  it('offers an autosave back after a reload and restores it as unsaved work', async () => {
    const edited = setup();
    edited.store.getState().applyChanges([{ type: 'setParams', id: 'hidden1', params: { units: 33 } }]);
    const { store, platform, commands } = setup();
    await platform.autosave.write(encodeAutosave(edited.store.getState(), 5));
    await commands.checkForRecovery();
    expect(store.getState().recovery?.savedAt).toBe(5);
    commands.recover();
    expect(store.getState().doc).toEqual(edited.store.getState().doc);
    expect(store.getState().recovery).toBeNull();
    expect(selectWindowTitle(store.getState())).toBe('• Moons with Adam — NetCanvas');
  });

  it('drops an autosave it cannot read instead of offering it', async () => {
    const { store, platform, commands } = setup();
    await platform.autosave.write('{"format":"netcanvas-autosave","document":"{oops"}');
    await commands.checkForRecovery();
    expect(store.getState().recovery).toBeNull();
    expect(await platform.autosave.read()).toBeNull();
  });
});

describe('files opened from outside (Electron)', () => {
  it('asks before replacing unsaved work, then opens the file', async () => {
    const { store, commands } = setup();
    store.getState().applyChanges([{ type: 'removeNode', id: 'data' }]);
    const text = serializeDocument(presetStore().getState().doc);
    const pending = commands.openExternal({
      name: 'other.netcanvas.json',
      text,
      handle: '/x/other.netcanvas.json',
    });
    const dialog = store.getState().dialog;
    expect(dialog?.type).toBe('confirmDiscard');
    if (dialog?.type === 'confirmDiscard') dialog.resolve(true);
    await pending;
    expect(store.getState().fileName).toBe('other.netcanvas.json');
    expect(store.getState().fileHandle).toBe('/x/other.netcanvas.json');
    expect(store.getState().doc.nodes).toHaveLength(7);
  });
});
