// Bundles the desktop shell into dist/electron/: main.cjs (the main process) and preload.cjs (the
// sandboxed preload, which may require nothing but 'electron'). Everything else, zod included, is
// bundled in, so the packaged app needs no node_modules. `npm run build:electron`.
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { MAIN_BUNDLE, PRELOAD_BUNDLE } from '../electron/main/paths.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** esbuild options for both bundles: CommonJS for Electron 45's Node 22, 'electron' left external. */
export function electronBuildOptions(production: boolean): BuildOptions[] {
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
  };
  return [
    { ...common, entryPoints: ['electron/main/main.ts'], outfile: MAIN_BUNDLE },
    { ...common, entryPoints: ['electron/preload/preload.ts'], outfile: PRELOAD_BUNDLE },
  ];
}

export async function buildElectron(production = process.env.NODE_ENV === 'production'): Promise<void> {
  await Promise.all(electronBuildOptions(production).map((options) => build(options)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron(process.argv.includes('--production'));
  console.log(`Built ${MAIN_BUNDLE} and ${PRELOAD_BUNDLE}.`);
}
