import type { Session, WebContents, WebPreferences } from 'electron';

/** The renderer is served from this custom scheme, not file:// (Electron's checklist, item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'netcanvas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy of every page: only the app's own scripts (plus WebAssembly for the
 * tf.js WASM backend), no plugins, frames, forms or remote connections. Styles allow inline
 * attributes because KaTeX and React Flow position elements with them. A dev server adds its own
 * origin and the hot-reload socket (and Vite's inline React-refresh preamble); a packaged app
 * never uses a dev server.
 */
export function contentSecurityPolicy(devServer: string | null = null): string {
  const self = devServer ? `'self' ${devServer}` : `'self'`;
  const socket = devServer ? ` ${devServer.replace(/^http/, 'ws')}` : '';
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', `${self} 'wasm-unsafe-eval'${devServer ? " 'unsafe-inline'" : ''}`],
    ['style-src', `${self} 'unsafe-inline'`],
    ['img-src', `${self} data: blob:`],
    ['font-src', `${self} data:`],
    ['connect-src', `${self}${socket}`],
    ['worker-src', `${self} blob:`],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['child-src', "'none'"],
    ['form-action', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * The web preferences of every window, each the secure choice of Electron's checklist: context
 * isolation, the sandbox, no Node.js in the page or its workers, web security on, no insecure
 * content, no experimental features, no <webview>, no navigation by dropping a file.
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
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
    safeDialogs: true,
    devTools,
  };
}

/** Links that may leave the app, to the system browser: web pages and mail only. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * scheme://host[:port] of a URL. Node's URL gives custom schemes an opaque origin ("null"), while
 * Chromium treats app:// as a standard scheme with a real one, so the origin is built by hand.
 */
export function originOf(url: string): string | null {
  try {
    const { protocol, host } = new URL(url);
    return host ? `${protocol}//${host}` : null;
  } catch {
    return null;
  }
}

/** True when `url` belongs to one of the app's own origins (app://netcanvas, or the dev server). */
export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/** Permissions the app's pages get: none but writing to the clipboard and going full screen. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  trustedOrigins: readonly string[],
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, trustedOrigins);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

/**
 * Denies every navigation away from the loaded page and every new window; links to web pages open
 * in the system browser instead (after the same check). <webview> tags are refused. Reloading the
 * page itself (the same URL) stays possible.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const leave = (event: { preventDefault(): void }, url: string) => {
    if (url === contents.getURL()) return;
    event.preventDefault();
    if (isExternalLink(url)) openExternal(url);
  };
  contents.on('will-navigate', (event) => leave(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

interface SenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * The window an IPC message came from, when it is one of the app's own windows and the message
 * came from its top frame showing the app's page; null otherwise (the message is ignored).
 */
export function senderWindow<W extends { webContents: { id: number } }>(
  event: SenderEvent,
  windows: Iterable<W>,
  trustedOrigins: readonly string[],
): W | null {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isTrustedUrl(frame.url, trustedOrigins)) return null;
  for (const win of windows) if (win.webContents.id === event.sender.id) return win;
  return null;
}

type HardenedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>;

/**
 * Session-wide rules: permission requests and checks answered by isPermissionAllowed (everything
 * else denied), no USB/HID/serial devices, and the CSP header on every HTTP response (the dev
 * server's; app:// responses carry it from the protocol handler).
 */
export function hardenSession(ses: HardenedSession, trustedOrigins: readonly string[], csp: string): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL(), trustedOrigins));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trustedOrigins),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}
