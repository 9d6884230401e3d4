// Where Electron's binary is, without `require('electron')`: since Electron 45 that require
// downloads the binary synchronously when it is missing (node_modules/electron/index.js), and the
// start script and the e2e test want to decide themselves what happens then.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable inside node_modules/electron/dist, as electron/install.js names it. */
export function platformExecutable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export interface ElectronBinary {
  /** Absolute path of the executable (whether or not it is there). */
  path: string;
  installed: boolean;
  /** The electron package's version, e.g. "45.5.0". */
  version: string;
}

/** Locates the binary the way node_modules/electron/index.js does, honouring ELECTRON_OVERRIDE_DIST_PATH. */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkgDir = join(root, 'node_modules', 'electron');
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const pathFile = join(pkgDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(pkgDir, 'dist');
  const path = join(dist, executable);
  return { path, installed: existsSync(path), version };
}

/**
 * Fetches the binary with Electron's own installer (the `install-electron` bin): @electron/get
 * downloads electron-vX-OS-ARCH.zip from GitHub (or ELECTRON_MIRROR), checks it against the
 * package's checksums.json, caches it (~/.cache/electron) and unzips it into node_modules/electron/dist.
 * Run as a plain child process, so npm's install-script policy (allowScripts) has no say in it. The
 * installer prints a stack trace when the download fails ("TypeError: fetch failed" and six frames);
 * that is kept back and only its first line returned as `reason`, e.g. "fetch failed".
 */
export function installElectronBinary(root: string): { ok: boolean; status: number | null; reason: string } {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const ok = result.status === 0;
  if (ok && result.stderr) process.stderr.write(result.stderr);
  return { ok, status: result.status, reason: ok ? '' : firstErrorLine(result.stderr ?? '') };
}

/** "TypeError: fetch failed\n    at …" → "fetch failed"; the first non-empty line, without its error class. */
export function firstErrorLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '') ?? '';
  return line
    .trim()
    .replace(/^[A-Za-z]*Error: /, '')
    .slice(0, 200);
}
