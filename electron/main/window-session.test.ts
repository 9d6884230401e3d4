import { describe, expect, it } from 'vitest';
import type { OpenedProject } from '../shared/api.js';
import { IpcChannel } from '../shared/channels.js';
import { WindowSession } from './window-session.js';

function session(userAnswer = false, timeoutMs = 1000) {
  const sent: [IpcChannel, unknown][] = [];
  let closed = 0;
  let asked = 0;
  const s = new WindowSession(
    {
      send: (channel, payload) => sent.push([channel, payload]),
      confirmDiscard: async () => {
        asked += 1;
        return userAnswer;
      },
      close: () => {
        closed += 1;
      },
    },
    timeoutMs,
  );
  const closeEvent = () => {
    let prevented = false;
    s.onClose({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { s, sent, closeEvent, closed: () => closed, asked: () => asked };
}

const file: OpenedProject = { path: '/p/a.netcanvas.json', name: 'a.netcanvas.json', text: '{}' };

describe('files opened from outside', () => {
  it('wait until the page listens, then arrive in order; after a reload they wait again', () => {
    const t = session();
    t.s.openFile(file);
    expect(t.sent).toEqual([]);
    t.s.markReady();
    expect(t.sent).toEqual([[IpcChannel.OpenFile, file]]);
    t.s.openFile({ ...file, name: 'b' });
    expect(t.sent).toHaveLength(2);
    t.s.pageReloading();
    t.s.openFile({ ...file, name: 'c' });
    expect(t.sent).toHaveLength(2);
  });
});

describe('closing the window', () => {
  it('asks the page first and closes when it has nothing unsaved', async () => {
    const t = session();
    expect(t.closeEvent()).toBe(true);
    expect(t.sent).toEqual([[IpcChannel.CloseRequest, 1]]);
    await t.s.answer(1, true);
    expect(t.closed()).toBe(1);
    expect(t.asked()).toBe(0);
    expect(t.closeEvent()).toBe(false); // the real close goes through
  });

  it('asks the user when the page has unsaved changes, and stays open on Cancel', async () => {
    const t = session(false);
    t.closeEvent();
    await t.s.answer(1, false);
    expect(t.asked()).toBe(1);
    expect(t.closed()).toBe(0);
    t.closeEvent();
    expect(t.sent.at(-1)).toEqual([IpcChannel.CloseRequest, 2]);
    await t.s.answer(1, true); // a stale answer changes nothing
    expect(t.closed()).toBe(0);
  });

  it('closes after the user agrees to discard', async () => {
    const t = session(true);
    t.closeEvent();
    await t.s.answer(1, false);
    expect(t.closed()).toBe(1);
  });

  it('asks the user itself when the page does not answer in time', async () => {
    const t = session(true, 10);
    t.closeEvent();
    t.closeEvent(); // a second click while waiting sends no second request
    expect(t.sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(t.asked()).toBe(1);
    expect(t.closed()).toBe(1);
  });
});
