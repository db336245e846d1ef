/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * An admin imports a 1,000-row file with a few bad rows in Chromium: drop it
 * in, preview (the bad rows listed, nothing written), run, watch the progress
 * bar reach 100 %, download the failed rows.
 */
const BAD = new Set([17, 230, 499, 731, 998]);
const rows = Array.from({ length: 1000 }, (_, i) =>
  BAD.has(i) ? `Bad Row ${i},not-an-address-${i},b-${i},` : `Person ${i},person.${i}@e2e-import.example.org,p-${i},"tag${i % 5}, e2e"`,
);
const CSV = ['name,email,external_id,tags', ...rows].join('\r\n');

describe('import users from a CSV file, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp('sqlite', { IMPORT_CHUNK_ROWS: '100' });
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(20_000);
    await signInAs(page, `${app.url}/`, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('previews, runs to 100 % and gives the failed rows back', async () => {
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(/\/settings\/imports/);
    await expect.poll(() => page.getByRole('heading', { name: 'Imports', exact: true }).isVisible()).toBe(true);
    await page.getByTestId('import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect.poll(() => page.getByText('customers.csv').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Upload and preview' }).click();

    const status = page.getByTestId('import-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe('Checked: ready to run');
    expect(await page.getByTestId('import-failed').textContent()).toBe('5');
    expect(await page.getByText('Would be created').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: '19', exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('import-1-preview') });
    expect((await app.gql('{ users(query: "person") { totalCount } }')).data.users.totalCount).toBe(0);

    await page.getByRole('button', { name: 'Run the import' }).click();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await page.getByTestId('import-progress').getAttribute('aria-valuenow')) ?? '');
          return status.textContent();
        },
        { timeout: 120_000, interval: 100 },
      )
      .toBe('Done');
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('import-failed').textContent()).toBe('5');
    await page.screenshot({ path: screenshotPath('import-2-done') });
    expect((await app.gql('{ users(query: "person") { totalCount } }')).data.users.totalCount).toBe(995);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-failed-rows').click()]);
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('name,email,external_id,tags,errors');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([...BAD].map((i) => `Bad Row ${i}`));
    expect(lines[1]).toMatch(/email: /);
    await expect.poll(() => page.getByRole('cell', { name: /995 created/ }).count()).toBeGreaterThan(0);
  });

  it('names the failed rows and the warnings (every address here is on a reserved domain) under headings of their own', async () => {
    expect(await page.getByTestId('import-warning-count').textContent()).toBe('995');
    expect(await page.getByRole('heading', { name: 'Failed rows', level: 3 }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Warnings on imported rows', level: 3 }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('import-warnings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import-3-warnings-phone') });
    await page.locator('#interface-locale').selectOption('fr');
    await expect.poll(() => page.getByRole('heading', { name: 'Lignes en échec', level: 3 }).isVisible()).toBe(true);
    await page.getByTestId('import-warnings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import-4-warnings-phone-fr') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('import-errors').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import-5-done-fr') });
    await page.locator('#interface-locale').selectOption('en');
  });
});
