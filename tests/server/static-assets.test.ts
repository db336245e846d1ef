import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** The built admin app as the server hands it out: precompressed assets cached for a year, the page never cached. */
describe('the admin app’s files', () => {
  let app: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'accueil-static-'));
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app-abc123.js"></script>');
    writeFileSync(join(dir, 'assets/app-abc123.js'), script);
    writeFileSync(join(dir, 'assets/app-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'assets/app-abc123.js.gz'), gzipSync(script));
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await startTestApp('sqlite', { STATIC_DIR: dir });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

  it('sends the brotli or gzip copy to a browser that takes it, the plain file otherwise, each cached a year', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get('/assets/app-abc123.js', { 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      // fetch decodes the body by its Content-Encoding: the copy is the script.
      expect(await res.text()).toBe(script);
    }
    const plain = await get('/assets/app-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('answers 404 for an asset that is not there (never the app’s page), and the page itself with no-cache', async () => {
    const gone = await get('/assets/app-old999.js', { accept: '*/*' });
    expect(gone.status).toBe(404);
    expect(await gone.text()).not.toContain('<!doctype html>');
    const page = await get('/users/12', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('/assets/app-abc123.js');
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
