import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinDataMiddleware } from './builtin-data-server';

let server: Server | null = null;
afterEach(() => server?.close());

/** The middleware on a real HTTP server over a datasets folder holding one Fashion-MNIST file. */
async function serve(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'netcanvas-datasets-'));
  await mkdir(join(folder, 'fashion-mnist'));
  await writeFile(
    join(folder, 'fashion-mnist', 't10k-labels-idx1-ubyte.gz'),
    Uint8Array.from([0x1f, 0x8b, 1]),
  );
  await writeFile(join(folder, 'secret.txt'), 'not served');
  const middleware = builtinDataMiddleware(folder);
  server = createServer((req, res) => middleware(req, res, () => res.end('next')));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('the web server for built-in data files', () => {
  it('serves an installed file of the four, byte for byte', async () => {
    const url = await serve();
    const response = await fetch(`${url}/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz`);
    expect(response.status).toBe(200);
    expect(Array.from(new Uint8Array(await response.arrayBuffer()))).toEqual([0x1f, 0x8b, 1]);
  });

  it('answers 404 for a file of the four that is not installed, and for any other name', async () => {
    const url = await serve();
    for (const path of [
      'datasets/fashion-mnist/train-images-idx3-ubyte.gz',
      'datasets/secret.txt',
      'datasets/fashion-mnist/../secret.txt',
      'datasets/fashion-mnist%2Ft10k-labels-idx1-ubyte.gz',
    ]) {
      expect((await fetch(`${url}/${path}`)).status, path).toBe(404);
    }
  });

  it('leaves every other path to the next handler', async () => {
    const url = await serve();
    expect(await (await fetch(`${url}/index.html`)).text()).toBe('next');
  });
});
