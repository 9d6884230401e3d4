// `npm start`: builds the editor (Vite) and the desktop shell (esbuild), then opens the desktop app
// with the default preset. Electron 45 fetches its binary on first use, not at install: when it is
// missing this script runs Electron's own installer once; where that cannot download (no access to
// GitHub), it says so plainly, points at `npm run web`, and trains the preset in the terminal.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildWeb } from 'vite';
import { DEFAULT_PRESET } from '../electron/main/paths.js';
import { buildElectron } from './build-electron.js';
import { findElectronBinary, installElectronBinary } from './electron-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const projects = files.length ? files : [join(root, DEFAULT_PRESET)];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
  });
}

async function main(): Promise<number> {
  console.log('Building the editor (npm run build:web) and the desktop shell (npm run build:electron)…');
  try {
    await buildWeb({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
    await buildElectron(false);
  } catch (err) {
    console.error(`The build failed: ${(err as Error).message}`);
    return 1;
  }

  let binary = findElectronBinary(root);
  if (!binary.installed && process.env.NETCANVAS_NO_ELECTRON_DOWNLOAD !== '1') {
    console.log(`Electron ${binary.version} fetches its binary on first use; downloading it now (once)…`);
    const { reason } = installElectronBinary(root);
    if (reason) console.log(`The download failed: ${reason}.`);
    binary = findElectronBinary(root);
  }
  if (!binary.installed) {
    console.log(
      [
        '',
        `The Electron binary is missing (${binary.path}) and could not be downloaded, so the desktop app cannot open here.`,
        '  • `npm run web` opens the same app in a browser.',
        '  • `npx install-electron --no` fetches the binary (it needs github.com, or ELECTRON_MIRROR); see docs/desktop.md.',
        `Meanwhile, training ${DEFAULT_PRESET} in the terminal:`,
        '',
      ].join('\n'),
    );
    return run(process.execPath, [join(root, 'bin', 'netcanvas.mjs'), 'train', projects[0]!]);
  }

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const code = await run(binary.path, [root, ...projects], env);
  if (code !== 0 && process.platform === 'linux' && process.getuid?.() === 0) {
    console.error('Chromium does not run as root with its sandbox; run NetCanvas as a normal user.');
  }
  return code;
}

process.exitCode = await main();
