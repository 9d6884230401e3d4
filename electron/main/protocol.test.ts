import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from './protocol.js';

describe('app:// protocol', () => {
  it('maps app://netcanvas/… to files inside the renderer folder only', () => {
    const root = '/opt/netcanvas/dist/web';
    expect(resolveAppFile(root, 'app://netcanvas/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://netcanvas/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://netcanvas/assets/tfjs-backend-wasm-simd.wasm')).toBe(
      `${root}/assets/tfjs-backend-wasm-simd.wasm`,
    );
    // URL parsing already folds ".." (also written %2e%2e) at the root: these stay inside.
    expect(resolveAppFile(root, 'app://netcanvas/../../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(resolveAppFile(root, 'app://netcanvas/%2e%2e/%2e%2e/etc/passwd')).toBe(`${root}/etc/passwd`);
    // An encoded slash survives parsing and decodes to "../../": refused.
    expect(resolveAppFile(root, 'app://netcanvas/..%2f..%2fsecret')).toBeNull();
    expect(resolveAppFile(root, 'app://netcanvas/a%00.html')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeNull();
  });

  it('serves files with their type, the CSP and cross-origin isolation; 404 and 405 otherwise', async () => {
    const root = await mkdtemp(join(tmpdir(), 'netcanvas-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'b.wasm'), new Uint8Array([0, 97, 115, 109]));
    const handler = createAppProtocolHandler(root, "default-src 'none'");
    const page = await handler(new Request('app://netcanvas/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const wasm = await handler(new Request('app://netcanvas/assets/b.wasm'));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect((await handler(new Request('app://netcanvas/missing.js'))).status).toBe(404);
    expect(
      (await handler(new Request('app://netcanvas/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });
});
