#!/usr/bin/env node
// NetCanvas command line: runs the JavaScript built from cli/*.ts (dist/cli/, built by `prepare` on
// npm install). When a source is newer than the build (a checkout that changed since), it rebuilds
// first, so the command never runs stale code.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.mjs');

/** True when the build is missing or older than one of the sources it was built from. */
function isStale() {
  try {
    const builtAt = statSync(built).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    return inputs.some(
      (input) => (statSync(join(root, input), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > builtAt,
    );
  } catch {
    return true;
  }
}

if (isStale()) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
const { main } = await import(pathToFileURL(built).href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // A bug, not a user mistake: one line, the stack only when asked for.
  console.error(
    `netcanvas: internal error: ${String(err?.message ?? err)
      .split('\n')[0]
      .slice(0, 300)}`,
  );
  if (process.env.NETCANVAS_DEBUG === '1') console.error(err);
  else console.error('Run again with NETCANVAS_DEBUG=1 for the stack trace, and please report it.');
  process.exitCode = 70;
}
