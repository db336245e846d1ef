/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * Issue 9 in Chromium: search "hopper" finds Grace Hopper; save the search as
 * a shared list; tag all its users; export it.
 */
describe('search, save as a shared list, tag all, export, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    for (const [name, email] of [
      ['Grace Hopper', 'grace@navy.example.org'],
      ['Hopper Jones', 'hj@example.org'],
      ['Ada Lovelace', 'ada@example.org'],
    ]) {
      const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email } });
      expect(r.errors).toBeUndefined();
    }
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
    await signInAs(page, `${app.url}/`, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('finds Grace Hopper by her surname, saves the search as a shared list, tags all its users and exports it', async () => {
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('hopper');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('tbody').innerText()).toContain('Grace Hopper');
    expect(await page.locator('tbody mark').first().innerText()).toBe('Hopper');
    await page.screenshot({ path: screenshotPath('lists-1-search-hopper') });

    await page.getByRole('button', { name: 'Save as list' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('List name').fill('Hoppers');
    await dialog.getByLabel('Phone').check();
    await dialog.getByLabel('Order').selectOption('NAME:ASC');
    await dialog.getByLabel('Share with the team').check();
    await dialog.getByRole('button', { name: 'Save list' }).click();
    await page.waitForURL(/\/lists\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Hoppers' }).isVisible()).toBe(true);
    const sidebar = page.getByRole('navigation', { name: 'Customer lists' });
    await expect.poll(() => sidebar.innerText()).toMatch(/Hoppers\s*2/);
    // The columns and the order the list chose.
    await expect
      .poll(() => page.locator('thead th').allInnerTexts())
      .toEqual(['SELECT', 'NAME', 'EMAIL', 'PHONE', 'ORGANIZATION', 'TAGS', 'CREATED']);
    await expect.poll(() => page.locator('tbody tr td[data-column="name"] a').allInnerTexts()).toEqual(['Grace Hopper', 'Hopper Jones']);

    await page.getByRole('button', { name: 'Select all 2 matching' }).click();
    await page.getByRole('button', { name: 'Add tags' }).click();
    const bulk = page.getByRole('dialog');
    await bulk.getByRole('combobox', { name: 'Tags' }).fill('navy');
    await bulk.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page.screenshot({ path: screenshotPath('lists-2-bulk-tags') });
    await bulk.getByRole('button', { name: 'Add tags to 2 customers' }).click();
    await expect.poll(() => page.getByText('2 customers changed.').isVisible()).toBe(true);
    const tagged = await app.gql('{ users(filter: { tagsAll: ["navy"] }) { totalCount } }');
    expect(tagged.data.users.totalCount).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('Hoppers.csv');
    const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true, columns: true });
    expect(rows.map((r) => r.name).sort()).toEqual(['Grace Hopper', 'Hopper Jones']);
    for (const r of rows) expect(r.tags).toBe('navy');
    await page.screenshot({ path: screenshotPath('lists-3-exported') });
  });

  it('on the Customers page: searches, selects all matching, adds a tag, removes one by its suggestion, exports', async () => {
    await page.goto(`${app.url}/customers`);
    await page.getByRole('searchbox', { name: 'Search customers' }).fill('hopper');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    await page.getByRole('checkbox', { name: 'Select Grace Hopper' }).check();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'selected' }).innerText()).toBe('1 selected');
    await page.getByRole('button', { name: 'Select all 2 matching' }).click();
    await page.getByRole('button', { name: 'Add tags' }).click();
    const bulk = page.getByRole('dialog');
    await bulk.getByRole('combobox', { name: 'Tags' }).fill('gold');
    await bulk.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await bulk.getByRole('button', { name: 'Add tags to 2 customers' }).click();
    await expect.poll(() => page.getByText('2 customers changed.').isVisible()).toBe(true);
    const gold = await app.gql('{ users(filter: { tagsAll: ["gold"] }) { totalCount } }');
    expect(gold.data.users.totalCount).toBe(2);

    // Removing: "na" then Enter takes the suggestion "navy", not the letters typed.
    await page.getByRole('button', { name: 'Select all 2 matching' }).click();
    await page.getByRole('button', { name: 'Remove tags' }).click();
    const tags = bulk.getByRole('combobox', { name: 'Tags' });
    await tags.fill('na');
    await expect.poll(() => bulk.getByRole('option').first().innerText()).toMatch(/^navy/);
    await tags.press('Enter');
    await expect.poll(() => bulk.locator('.chip__text').allInnerTexts()).toEqual(['navy']);
    await bulk.getByRole('button', { name: 'Remove tags from 2 customers' }).click();
    await expect.poll(async () => (await app.gql('{ users(filter: { tagsAll: ["navy"] }) { totalCount } }')).data.users.totalCount).toBe(0);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('customers.csv');
    const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true, columns: true });
    expect(rows.map((r) => [r.name, r.tags]).sort()).toEqual([
      ['Grace Hopper', 'gold'],
      ['Hopper Jones', 'gold'],
    ]);
  });

  it('keeps the search and the page in the address: Back from a profile returns to the same rows', async () => {
    const inputs = Array.from({ length: 27 }, (_, i) => ({
      name: `Pager Person ${String(i + 1).padStart(2, '0')}`,
      email: `pager${i + 1}@example.org`,
    }));
    const made = await app.gql('mutation($inputs: [CreateUserInput!]!) { createUsers(inputs: $inputs) { status } }', { inputs });
    expect(made.errors).toBeUndefined();

    await page.goto(`${app.url}/customers`);
    const search = page.getByRole('searchbox', { name: 'Search customers' });
    await search.fill('pager');
    await expect.poll(() => page.url()).toContain('q=pager');
    await expect.poll(() => page.locator('.pager__range').innerText()).toBe('1–25 of 27');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('.pager__range').innerText()).toBe('26–27 of 27');
    expect(page.url()).toMatch(/after=.+&page=2|page=2.*after=/);
    const rowsBefore = await page.locator('tbody tr td[data-column="name"]').allInnerTexts();
    expect(rowsBefore).toHaveLength(2);

    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.waitForURL(/\/users\/\d+$/);
    await page.goBack();
    await page.waitForURL(/\/customers\?/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('pager');
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => page.locator('.pager__range').innerText()).toBe('26–27 of 27');
    expect(await search.inputValue()).toBe('pager');
    expect(await page.locator('tbody tr td[data-column="name"]').allInnerTexts()).toEqual(rowsBefore);

    // Previous still goes to the page before; Back after it returns to page 2 again.
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => page.locator('.pager__range').innerText()).toBe('1–25 of 27');
    await page.goBack();
    await expect.poll(() => page.locator('.pager__range').innerText()).toBe('26–27 of 27');
    await page.screenshot({ path: screenshotPath('lists-4-back-to-page-2') });
  });
});
