import { chmod, cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AfterPackContext, Arch, build, type Configuration, Platform } from 'electron-builder';
import { build as esbuild } from 'esbuild';
import { build as buildWeb } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { electronBuildOptions } from '../scripts/build-electron.js';
import { MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_ENTRY, RENDERER_OUT_DIR } from './main/paths.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// @electron/fuses finds the fuse wire after this sentinel: a fake binary carrying one can be fused.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions,
// NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges.
const DEFAULT_WIRE = '10110001';

/** The files in an app.asar (its header is a JSON tree after four little-endian uint32s). */
function asarFiles(asar: Buffer): { files: string[]; read(path: string): Buffer } {
  const jsonLength = asar.readUInt32LE(12);
  const header = JSON.parse(asar.subarray(16, 16 + jsonLength).toString('utf8'));
  const dataStart = 8 + asar.readUInt32LE(4);
  type Entry = { files?: Record<string, Entry>; size?: number; offset?: string };
  const entries = new Map<string, Entry>();
  const walk = (node: Entry, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      if (child.files) walk(child, `${prefix}${name}/`);
      else entries.set(`${prefix}${name}`, child);
    }
  };
  walk(header, '');
  return {
    files: [...entries.keys()].sort(),
    read(path) {
      const e = entries.get(path)!;
      const start = dataStart + Number(e.offset);
      return asar.subarray(start, start + e.size!);
    },
  };
}

/** A throwaway copy of the project: the real config, bundles and editor, and a fake Electron. */
async function stageProject() {
  const dir = await mkdtemp(join(tmpdir(), 'netcanvas-dist-'));
  const project = join(dir, 'project');
  await mkdir(project);
  for (const f of ['package.json', 'electron-builder.yml', 'build']) {
    await cp(join(root, f), join(project, f), { recursive: true });
  }
  await buildWeb({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: join(project, RENDERER_OUT_DIR), emptyOutDir: true },
  });
  await Promise.all(
    electronBuildOptions(true).map((o) => esbuild({ ...o, outfile: join(project, o.outfile as string) })),
  );
  const fakeElectron = join(dir, 'fake-electron');
  await mkdir(join(fakeElectron, 'resources'), { recursive: true });
  await writeFile(join(fakeElectron, 'electron'), `#!/bin/sh\n# ${FUSE_SENTINEL}\x01\x08${DEFAULT_WIRE}\n`);
  await chmod(join(fakeElectron, 'electron'), 0o755);
  for (const f of ['LICENSE', 'LICENSES.chromium.html']) await writeFile(join(fakeElectron, f), '');
  await writeFile(join(fakeElectron, 'version'), 'v45.5.0');
  return { dir, project, fakeElectron };
}

describe('packaging (electron-builder with a stand-in Electron binary)', () => {
  let staged: Awaited<ReturnType<typeof stageProject>>;
  let merged: Configuration | null = null;
  let appOutDir = '';

  beforeAll(async () => {
    staged = await stageProject();
    await build({
      projectDir: staged.project,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: {
        electronDist: staged.fakeElectron,
        electronVersion: '45.5.0',
        directories: { output: join(staged.dir, 'release') },
        afterPack: async (context: AfterPackContext) => {
          merged = context.packager.config;
          appOutDir = context.appOutDir;
        },
      },
    });
  }, 180_000);

  it('packs exactly what the app loads: package.json, main, preload and the editor, no node_modules', async () => {
    const asar = asarFiles(await readFile(join(appOutDir, 'resources', 'app.asar')));
    expect(asar.files).toEqual(expect.arrayContaining(['package.json', MAIN_BUNDLE, PRELOAD_BUNDLE]));
    expect(asar.files).toContain(`${RENDERER_OUT_DIR}/${RENDERER_ENTRY}`);
    expect(asar.files.some((f) => f.startsWith('node_modules/'))).toBe(false);
    expect(asar.files.some((f) => f.endsWith('.map'))).toBe(false);
    expect(asar.files.every((f) => f === 'package.json' || f.startsWith('dist/'))).toBe(true);
    expect(JSON.parse(asar.read('package.json').toString()).main).toBe(MAIN_BUNDLE);
    // Everything index.html loads is in the package.
    const html = asar.read(`${RENDERER_OUT_DIR}/${RENDERER_ENTRY}`).toString();
    const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `${RENDERER_OUT_DIR}/${m[1]}`);
    expect(refs.length).toBeGreaterThan(0);
    expect(asar.files).toEqual(expect.arrayContaining(refs));
  });

  it('flips the fuses for a hardened binary', async () => {
    const binary = await readFile(join(appOutDir, 'netcanvas'), 'latin1');
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, ASAR integrity on,
    // only app.asar, default V8 snapshot, no extra file:// privileges.
    expect(binary.slice(at + 2, at + 10)).toBe('01001100');
  });

  it('targets NSIS on Windows, dmg and zip for both Macs, AppImage and deb on Linux', () => {
    const targets = (config: { target?: unknown } | null | undefined) =>
      ((config?.target ?? []) as { target: string; arch: string[] }[]).map(
        (t) => `${t.target}:${t.arch.join('+')}`,
      );
    expect(merged?.appId).toBe('org.netcanvas.app');
    expect(targets(merged?.win)).toEqual(['nsis:x64']);
    expect(targets(merged?.mac)).toEqual(['dmg:x64+arm64', 'zip:x64+arm64']);
    expect(targets(merged?.linux)).toEqual(['AppImage:x64', 'deb:x64']);
    expect(merged?.linux?.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'netcanvas.json', mimeType: 'application/x-netcanvas+json' }),
    ]);
  });

  it('rejects a configuration electron-builder does not know', async () => {
    await expect(
      build({
        projectDir: staged.project,
        targets: Platform.LINUX.createTarget('dir', Arch.x64),
        config: { electronDist: staged.fakeElectron, notAnOption: true } as Configuration,
      }),
    ).rejects.toThrow(/notAnOption|unknown property/);
  });
});

describe('main and preload bundles', () => {
  it('need nothing at run time but Electron and Node built-ins; the sandboxed preload only Electron', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netcanvas-bundles-'));
    const requires: Record<string, string[]> = {};
    for (const options of electronBuildOptions(true)) {
      const outfile = join(dir, options.outfile as string);
      await esbuild({ ...options, outfile });
      const code = await readFile(outfile, 'utf8');
      requires[options.outfile as string] = [
        ...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!)),
      ].sort();
    }
    expect(requires[PRELOAD_BUNDLE]).toEqual(['electron']);
    expect(requires[MAIN_BUNDLE]!.every((m) => m === 'electron' || m.startsWith('node:'))).toBe(true);
  });
});
