import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BROWSER_ARGS, CHROMIUM, withoutFileSystemAccess } from './browser';
import { EditorPage } from './editorPage';
import { serveRenderer } from './server';

/** The window size the browser suites use. */
export const APP_VIEWPORT = { width: 1440, height: 1000 };

/** The production app served locally and open in one page of Debian's Chromium. */
export interface AppSession {
  browser: Browser;
  page: Page;
  app: EditorPage;
  url: string;
  /** Uncaught page errors (and console errors, when asked for) as they happen. */
  errors: string[];
  close(): Promise<void>;
}

export interface AppSessionOptions {
  /** Hide the File System Access pickers, so Open/Save take the download/upload path. */
  noFileSystemAccess?: boolean;
  /** Also collect `console.error` messages into `errors`. */
  consoleErrors?: boolean;
  /** The window size, APP_VIEWPORT unless given (a laptop's 1280 × 720 for the graph suite). */
  viewport?: { width: number; height: number };
}

/** Builds and serves the app, launches Chromium headless with the e2e flags, and opens the app. */
export async function openAppSession(options: AppSessionOptions = {}): Promise<AppSession> {
  const server = await serveRenderer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, headless: true });
  const page = await browser.newPage({ viewport: options.viewport ?? APP_VIEWPORT });
  if (options.noFileSystemAccess) await page.addInitScript(withoutFileSystemAccess);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.consoleErrors) {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }
  const app = new EditorPage(page);
  await app.goto(server.url);
  return {
    browser,
    page,
    app,
    url: server.url,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A laptop's window, the size the issue-14 suites check the app at. */
export const LAPTOP_VIEWPORT = { width: 1280, height: 720 };

/**
 * Opens one app session for the enclosing `describe` (before its tests) and closes it after them.
 * Returns a holder to read the session from inside the tests: `const s = suiteSession(); s.page`.
 */
export function suiteSession(options: AppSessionOptions = {}): {
  readonly page: Page;
  readonly app: EditorPage;
  /** The page's uncaught errors and console errors so far. */
  readonly errors: string[];
} {
  let session: AppSession | undefined;
  beforeAll(async () => {
    session = await openAppSession(options);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });
  const current = () => {
    if (!session) throw new Error('the app session is not open');
    return session;
  };
  return {
    get page() {
      return current().page;
    },
    get app() {
      return current().app;
    },
    get errors() {
      return current().errors;
    },
  };
}
