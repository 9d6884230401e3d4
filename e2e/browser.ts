import { existsSync } from 'node:fs';

/** Debian's Chromium: the browser every e2e test drives (a test tool's own download cannot work here). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Says once per suite why it skips. */
export function warnIfNoChromium(what: string): void {
  if (!hasChromium)
    console.warn(`e2e: skipping the ${what}: ${CHROMIUM} is missing (apt-get install chromium).`);
}

/** Headless Chromium without the network chatter this machine refuses. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** WebGPU through SwiftShader: slow, but a real WebGPU adapter in a headless browser. */
export const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--use-angle=swiftshader',
];

/** Runs in the page before the app: without the File System Access API, Open uploads and Save downloads. */
export const withoutFileSystemAccess = (): void => {
  const w = window as unknown as Record<string, unknown>;
  delete w.showOpenFilePicker;
  delete w.showSaveFilePicker;
};
