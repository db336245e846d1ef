import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium is missing: run `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  return found;
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      // playwright-core gives each launch a fresh, temporary profile and removes it.
      await browser.close();
    },
  };
}

/** Where screenshots of a run go (ignored by git), for people to look at. */
export function screenshotPath(name: string): string {
  const dir = resolve(import.meta.dirname, '../e2e/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
