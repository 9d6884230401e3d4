import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  guardWebContents,
  hardenSession,
  isExternalLink,
  isPermissionAllowed,
  isTrustedUrl,
  secureWebPreferences,
  senderWindow,
} from './security.js';

/** The CSP as {directive: sources}. */
const parse = (csp: string) =>
  Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe('Content-Security-Policy', () => {
  it('allows only the app itself: no eval, no inline scripts, no remote connections, no frames', () => {
    const csp = parse(contentSecurityPolicy());
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['worker-src']).toEqual(["'self'", 'blob:']);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['form-action']).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/'unsafe-eval'|\*|https?:/);
  });

  it('lets a local dev server in, with its hot-reload socket', () => {
    const csp = parse(contentSecurityPolicy('http://127.0.0.1:5173'));
    expect(csp['script-src']).toContain('http://127.0.0.1:5173');
    expect(csp['connect-src']).toEqual(["'self'", 'http://127.0.0.1:5173', 'ws://127.0.0.1:5173']);
  });
});

describe('web preferences', () => {
  it('isolate the page: context isolation and sandbox on, Node.js off everywhere, no webview', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

/** Fake web contents recording the guards installed on it. */
function fakeContents() {
  const handlers = new Map<string, (event: Record<string, unknown>) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    getURL: () => `${APP_ORIGIN}/index.html`,
    on(name: string, fn: (event: Record<string, unknown>) => void) {
      handlers.set(name, fn);
      return this;
    },
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      openHandler = fn;
    },
    /** Fires an event; returns whether the guard prevented it. */
    fire(name: string, fields: Record<string, unknown> = {}) {
      let prevented = false;
      handlers.get(name)!({ ...fields, preventDefault: () => (prevented = true) });
      return prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('navigation and new windows', () => {
  it('denies every navigation; web links go to the system browser, other schemes nowhere', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents as never, (url) => opened.push(url));
    expect(contents.fire('will-navigate', { url: 'https://example.com/paper' })).toBe(true);
    expect(contents.fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(contents.fire('will-navigate', { url: 'javascript:alert(1)' })).toBe(true);
    expect(contents.fire('will-redirect', { url: 'https://example.com/' })).toBe(true);
    expect(contents.fire('will-frame-navigate', { url: 'https://example.com/', isMainFrame: false })).toBe(
      true,
    );
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.fire('will-navigate', { url: `${APP_ORIGIN}/index.html` })).toBe(false); // a reload
    expect(contents.fire('will-navigate', { url: `${APP_ORIGIN}/assets/other.html` })).toBe(true);
    expect(opened).toEqual(['https://example.com/paper']);
  });

  it('denies window.open, sending only http(s) and mailto links to the system browser', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents as never, (url) => opened.push(url));
    expect(contents.open('https://arxiv.org/abs/1502.03167')).toEqual({ action: 'deny' });
    expect(contents.open('file:///home/user/.ssh/id_rsa')).toEqual({ action: 'deny' });
    expect(contents.open('smb://host/share')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://arxiv.org/abs/1502.03167']);
    expect(isExternalLink('mailto:a@b.org')).toBe(true);
    expect(isExternalLink('not a url')).toBe(false);
  });
});

describe('origins, senders and permissions', () => {
  it('knows the app origin (a custom scheme Node would call opaque) and the dev server', () => {
    expect(isTrustedUrl(`${APP_ORIGIN}/index.html`, [APP_ORIGIN])).toBe(true);
    expect(isTrustedUrl('app://evil/index.html', [APP_ORIGIN])).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', [APP_ORIGIN, 'http://127.0.0.1:5173'])).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:5174/', [APP_ORIGIN, 'http://127.0.0.1:5173'])).toBe(false);
  });

  it('accepts IPC only from the top frame of one of the app windows showing the app', () => {
    const win = { webContents: { id: 7 } };
    const event = (id: number, url: string, parent: unknown = null) => ({
      sender: { id },
      senderFrame: { url, parent },
    });
    expect(senderWindow(event(7, `${APP_ORIGIN}/index.html`), [win], [APP_ORIGIN])).toBe(win);
    expect(senderWindow(event(8, `${APP_ORIGIN}/index.html`), [win], [APP_ORIGIN])).toBeNull();
    expect(senderWindow(event(7, 'https://example.com/'), [win], [APP_ORIGIN])).toBeNull();
    expect(senderWindow(event(7, `${APP_ORIGIN}/index.html`, {}), [win], [APP_ORIGIN])).toBeNull();
    expect(senderWindow({ sender: { id: 7 }, senderFrame: null }, [win], [APP_ORIGIN])).toBeNull();
  });

  it('grants the app clipboard writes and full screen, and nothing else to anyone', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${APP_ORIGIN}/`, [APP_ORIGIN])).toBe(true);
    expect(isPermissionAllowed('fullscreen', `${APP_ORIGIN}/`, [APP_ORIGIN])).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'usb', 'clipboard-read']) {
      expect(isPermissionAllowed(p, `${APP_ORIGIN}/`, [APP_ORIGIN])).toBe(false);
    }
    expect(isPermissionAllowed('fullscreen', 'https://example.com/', [APP_ORIGIN])).toBe(false);
  });

  it('hardens the session: permission handlers, no devices, the CSP on every HTTP response', () => {
    const calls: Record<string, unknown> = {};
    const ses = {
      setPermissionRequestHandler: (fn: unknown) => (calls.request = fn),
      setPermissionCheckHandler: (fn: unknown) => (calls.check = fn),
      setDevicePermissionHandler: (fn: unknown) => (calls.device = fn),
      webRequest: { onHeadersReceived: (fn: unknown) => (calls.headers = fn) },
    };
    hardenSession(ses as never, [APP_ORIGIN], "default-src 'none'");
    const granted: boolean[] = [];
    (calls.request as (...a: unknown[]) => void)(
      { getURL: () => `${APP_ORIGIN}/` },
      'media',
      (ok: boolean) => granted.push(ok),
      { requestingUrl: `${APP_ORIGIN}/index.html` },
    );
    expect(granted).toEqual([false]);
    expect((calls.check as (...a: unknown[]) => boolean)(null, 'fullscreen', APP_ORIGIN)).toBe(true);
    expect((calls.device as () => boolean)()).toBe(false);
    let headers: Record<string, string[]> = {};
    (calls.headers as (...a: unknown[]) => void)(
      { responseHeaders: { 'content-security-policy': ['*'], 'content-type': ['text/html'] } },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
  });
});
