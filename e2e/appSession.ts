import { type Browser, chromium, type Page } from 'playwright-core';
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
