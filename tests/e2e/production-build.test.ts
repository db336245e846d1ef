/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/test-app.js';
import { chromiumPath, launchBrowser } from '../helpers/browser.js';

const dist = resolve(import.meta.dirname, '../../dist/client');

/** What only a development bundle of Vue carries: its hot-reload hook and its warnings. */
const DEV_ONLY = ['__VUE_HMR_RUNTIME__', '[Vue warn]'];

describe('the app under test is the production build `npm start` serves', () => {
  it('is a production bundle', () => {
    const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
    // The entry and the chunks it preloads (Vue itself is a chunk of its own: vite.config.ts).
    const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.some((s) => /\/vue-[^/]+\.js$/.test(s))).toBe(true);
    for (const script of scripts) {
      const code = readFileSync(resolve(dist, script), 'utf8');
      for (const marker of DEV_ONLY) expect(code, `${script} contains ${marker}`).not.toContain(marker);
    }
  });

  it('runs in Chromium without Vue development hooks', async () => {
    const app = await startTestApp('sqlite');
    const browser = await launchBrowser();
    try {
      const page = await browser.browser.newPage();
      await page.goto(`${app.url}/sign-in`);
      await page.getByLabel('Email').waitFor();
      expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__VUE_HMR_RUNTIME__)).toBe('undefined');
    } finally {
      await browser.close();
      await app.stop();
    }
  });
});

describe('a missing Chromium', () => {
  it('fails with the command that installs it', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      'Chromium is missing: CHROMIUM_PATH=/nonexistent/chromium does not exist; install it with `apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium binary.',
    );
  });
});
