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

describe('binary files, folders and built-in data sets', () => {
  it('reads bytes and lists folders under the same rules as text', async () => {
    const { root, documentPath, folder } = await project();
    await mkdir(join(folder, 'shoes', 'boot'), { recursive: true });
    await writeFile(join(folder, 'shoes', 'boot', 'a.png'), Uint8Array.from([1, 2, 3]));
    await mkdir(join(root, 'outside'));
    await symlink(join(root, 'outside'), join(folder, 'shoes', 'sandal'));
    await symlink(join(root, 'secret.csv'), join(folder, 'shoes', 'boot', 'b.png'));
    const reader = folderReader(documentPath);
    expect(Array.from(await reader.readBytes!('shoes/boot/a.png'))).toEqual([1, 2, 3]);
    // Links are listed as what they point to; reading through them is refused below.
    expect((await reader.listFolder!('shoes')).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'boot', kind: 'folder' },
      { name: 'sandal', kind: 'folder' },
    ]);
    const outside = `it is outside the document's folder ${folder}`;
    for (const path of ['shoes/boot/b.png', '../secret.csv', '/etc/passwd']) {
      await expect(reader.readBytes!(path), path).rejects.toThrow(outside);
    }
    for (const path of ['shoes/sandal', '..', '/etc']) {
      await expect(reader.listFolder!(path), path).rejects.toThrow(outside);
    }
    await expect(reader.readBytes!('https://evil.example/x.png')).rejects.toThrow('it is a URL');
    await expect(reader.readBytes!('shoes')).rejects.toThrow('it is a folder, not a file');
  });

  it("reads only the built-in data set's own files, and answers null where they are not installed", async () => {
    const { root, documentPath } = await project();
    await mkdir(join(root, 'datasets', 'fashion-mnist'), { recursive: true });
    await writeFile(
      join(root, 'datasets', 'fashion-mnist', 't10k-labels-idx1-ubyte.gz'),
      Uint8Array.from([7]),
    );
    const reader = folderReader(documentPath, false, join(root, 'datasets'));
    expect(Array.from((await reader.readBuiltin!('fashion-mnist/t10k-labels-idx1-ubyte.gz')) ?? [])).toEqual([
      7,
    ]);
    expect(await reader.readBuiltin!('fashion-mnist/train-images-idx3-ubyte.gz')).toBeNull();
    await expect(reader.readBuiltin!('../../etc/passwd' as never)).rejects.toThrow(
      "'../../etc/passwd' is not a file of a built-in data set",
    );
  });
});
