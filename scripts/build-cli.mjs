// Builds the `netcanvas` command from cli/*.ts into dist/cli/ (JavaScript, one chunk per command, the
// npm packages left external), so the command starts without compiling TypeScript. Run by `prepare`
// (npm install / npm ci) and by bin/netcanvas.mjs whenever a source is newer than the build.
// Plain JavaScript: it must run before anything is built.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIST = join(root, 'dist', 'cli');
/** The sources the build read, relative to the root: bin/netcanvas.mjs rebuilds when one is newer. */
export const CLI_INPUTS = join(CLI_DIST, 'inputs.json');

/**
 * tf.js, loaded only when a command trains: the engine's imports of '@tensorflow/tfjs' get an object
 * that forwards every property to the tf.js module cli/tfjs-lazy.ts puts in a process-wide slot
 * (esbuild's CommonJS interop reads the properties through the prototype, hence the prototype trap).
 * Using tf.js before that is a bug and throws saying so.
 */
const lazyTfjs = {
  name: 'lazy-tfjs',
  setup(build) {
    build.onResolve({ filter: /^@tensorflow\/tfjs$/ }, (args) =>
      args.importer.endsWith(join('cli', 'tfjs-lazy.ts'))
        ? { path: args.path, external: true }
        : { path: 'tfjs', namespace: 'lazy-tfjs' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-tfjs' }, () => ({
      loader: 'js',
      contents: `
        const slot = (globalThis[Symbol.for('netcanvas.tfjs')] ??= { tf: null });
        const forward = new Proxy({}, {
          get(_, key) {
            if (!slot.tf) throw new Error('tf.js was used before the CLI loaded it (tf.' + String(key) + ')');
            return slot.tf[key];
          },
        });
        module.exports = new Proxy({}, {
          getPrototypeOf: () => forward,
          get: (_, key) => (key === '__esModule' ? undefined : forward[key]),
        });`,
    }));
  },
};

/** Builds into a fresh folder, then swaps it in, so a command starting meanwhile never sees half a build. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const staging = `${CLI_DIST}.tmp-${process.pid}`;
  const result = await build({
    entryPoints: { main: join(root, 'cli', 'main.ts') },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    outExtension: { '.js': '.mjs' },
    plugins: [lazyTfjs],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.startsWith('lazy-tfjs:'))
    .map((p) => relative(root, join(root, p)));
  await writeFile(join(staging, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
  await mkdir(dirname(CLI_DIST), { recursive: true });
  const old = `${CLI_DIST}.old-${process.pid}`;
  await rename(CLI_DIST, old).catch(() => {});
  // Another command may have swapped in its own build meanwhile: the same sources, so keep that one.
  await rename(staging, CLI_DIST).catch(() => rm(staging, { recursive: true, force: true }));
  await rm(old, { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
