import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type PreviewServer, preview } from 'vite';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A production build served on 127.0.0.1: its URL, and a function that stops it and cleans up. */
export interface ServedBuild {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds a Vite project (`config`: the app's config file, or an inline one) into a temporary folder
 * and serves it on 127.0.0.1 with `vite preview`.
 */
export async function serveBuild(config: InlineConfig): Promise<ServedBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'netcanvas-e2e-'));
  await build({ ...config, logLevel: 'error', build: { ...config.build, outDir, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({
    ...config,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The renderer built as `npm run build:web` does (production), served on 127.0.0.1. */
export const serveRenderer = (): Promise<ServedBuild> => serveBuild({ configFile });
