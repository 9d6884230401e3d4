import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sequentialDocument } from '../engine/document/build.js';
import { serializeDocument } from '../engine/document/parse.js';
import { folderReader } from './files.js';
import { main } from './main.js';
import { captureOutput } from './testing.js';

/** A project folder with a data file inside, one in a subfolder, one outside and a link leading out. */
async function project() {
  const root = await mkdtemp(join(tmpdir(), 'netcanvas-paths-'));
  const folder = join(root, 'project');
  await mkdir(join(folder, 'data'), { recursive: true });
  const csv = 'a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,1,0\n2,3,1\n4,5,0\n6,7,1\n8,9,0\n1,1,1\n';
  await writeFile(join(folder, 'inside.csv'), csv);
  await writeFile(join(folder, 'data', 'nested.csv'), csv);
  await writeFile(join(root, 'secret.csv'), csv);
  await symlink(join(root, 'secret.csv'), join(folder, 'link.csv'));
  const documentPath = join(folder, 'graph.netcanvas.json');
  return { root, folder, documentPath };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('data files a project names (project files are data only)', () => {
  it('reads files in the document folder and below', async () => {
    const { documentPath } = await project();
    const reader = folderReader(documentPath);
    expect(await reader.readText('inside.csv')).toMatch(/^a,b,label/);
    expect(await reader.readText('data/nested.csv')).toMatch(/^a,b,label/);
    expect(await reader.readText('./data/../inside.csv')).toMatch(/^a,b,label/);
  });

  it('refuses paths outside the folder, absolute paths and links leading out, saying how to allow them', async () => {
    const { root, documentPath, folder } = await project();
    const reader = folderReader(documentPath);
    for (const path of [
      '../secret.csv',
      '../../../../etc/passwd',
      join(root, 'secret.csv'),
      '/etc/passwd',
      'link.csv',
    ]) {
      await expect(reader.readText(path), path).rejects.toThrow(
        `it is outside the document's folder ${folder}; NetCanvas reads data files only from there and below. Move the file into that folder, or set NETCANVAS_ALLOW_OUTSIDE_DATA=1 to allow it`,
      );
    }
  });

  it('reads outside the folder only when the user allows it', async () => {
    const { documentPath } = await project();
    vi.stubEnv('NETCANVAS_ALLOW_OUTSIDE_DATA', '1');
    expect(await folderReader(documentPath).readText('../secret.csv')).toMatch(/^a,b,label/);
    expect(await folderReader(documentPath).readText('link.csv')).toMatch(/^a,b,label/);
  });

  it('never fetches a URL, allowed or not', async () => {
    const { documentPath } = await project();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    for (const allow of [false, true]) {
      const reader = folderReader(documentPath, allow);
      for (const url of ['https://evil.example/x.csv', 'http://127.0.0.1:1/x.csv', 'file:///etc/passwd']) {
        await expect(reader.readText(url)).rejects.toThrow(
          'it is a URL; NetCanvas reads data from files only',
        );
      }
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('netcanvas train reports a path outside the folder as a problem of the Dataset node and exits 1', async () => {
    const { documentPath } = await project();
    const doc = sequentialDocument({
      dataset: { source: { kind: 'csv', path: '../secret.csv' }, split: { dev: 0, test: 0 } },
      layers: [{ kind: 'Dense', params: { units: 1, activation: 'sigmoid' } }],
      training: { batchSize: 4, epochs: 1 },
    });
    await writeFile(documentPath, serializeDocument(doc));
    const out = captureOutput();
    expect(await main(['train', documentPath, '--backend', 'cpu'], out)).toBe(1);
    expect(out.stderr.join('\n')).toMatch(
      /^data DATASET Cannot read '\.\.\/secret\.csv': it is outside the document's folder .*NETCANVAS_ALLOW_OUTSIDE_DATA=1 to allow it$/m,
    );
  });
});
