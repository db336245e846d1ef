/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * Issue 13, French all the way, in Chromium against the built app: a custom
 * number typed and shown the French way ("2 500,75"), sent and stored as a
 * plain decimal, an ambiguous one refused with a French message, the history
 * saying it in French, and a time zone saved under its old name shown by its
 * current one.
 */
describe('French numbers and time zones, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let userId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    const admin = app.as(app.admin);
    const field = await admin('mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { key } }', {
      i: { key: 'budget', title: 'Budget', type: 'DECIMAL' },
    });
    expect(field.errors).toBeUndefined();
    const created = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name: 'Amélie Poulain', email: 'amelie@cafe.example.fr', timeZone: 'Asia/Calcutta', fields: [{ key: 'budget', value: '1234.5' }] },
    });
    expect(created.errors).toBeUndefined();
    userId = created.data.createUser.user.id;

    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInAs(page, `${app.url}/`, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.evaluate(() => localStorage.setItem('accueil.locale', 'fr'));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('types, saves and shows a number the French way, and refuses an ambiguous one', async () => {
    await page.goto(`${app.url}/users/${userId}`);
    const budget = page.getByRole('textbox', { name: 'Budget' });
    await expect.poll(() => budget.inputValue()).toBe('1\u202f234,5');
    const zone = page.getByRole('combobox', { name: 'Fuseau horaire' });
    expect(await zone.inputValue()).toBe('UTC+05:30 Kolkata');
    // Searched by offset, the list shows each zone with its offset, region and French name; Escape leaves it as it was.
    await zone.fill('+05:30');
    await page.getByRole('option', { name: /Kolkata/ }).waitFor();
    await page.screenshot({ path: screenshotPath('french-time-zone-picker') });
    await zone.press('Escape');
    expect(await zone.inputValue()).toBe('UTC+05:30 Kolkata');

    await budget.fill('2.5');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByText('Écrivez les décimales avec une virgule et les milliers avec des espaces, par ex. 1 234,5.').isVisible())
      .toBe(true);

    await budget.fill('2 500,75');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Enregistré').first().isVisible()).toBe(true);
    const r = await app.gql('query($id: ID!) { user(id: $id) { timeZone fields { key value } } }', { id: userId });
    expect(r.data.user).toEqual({ timeZone: 'Asia/Kolkata', fields: [{ key: 'budget', value: '2500.75' }] });

    await page.reload();
    await expect.poll(() => budget.inputValue()).toBe('2\u202f500,75');
    const history = page.getByRole('region', { name: 'Historique' });
    await expect.poll(() => history.getByText('1\u202f234,5').first().isVisible()).toBe(true);
    await expect.poll(() => history.getByText('2\u202f500,75').first().isVisible()).toBe(true);
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('french-history') });
    expect(pageErrors).toEqual([]);
  });
});
