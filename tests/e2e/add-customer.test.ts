/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * An agent's path in Chromium: open the app, Add customer, name and email,
 * Add, the profile opens, set phone and time zone, Save, reload, the values
 * are still there. Runs against the built app on the embedded SQLite default.
 */
describe('add a customer by hand, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    // Signed in as the first admin (from ADMIN_EMAIL / ADMIN_PASSWORD).
    await signInAs(page, `${app.url}/`, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('adds a customer, opens the profile, saves phone and time zone, and keeps them after a reload', async () => {
    await page.goto(`${app.url}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Customers', exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('1-customers-empty') });

    await page.getByRole('button', { name: 'Add customer' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Focus starts in Name.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim())).toMatch(/^Name/);
    await page.keyboard.type('Zoë Lefèvre');
    await dialog.getByLabel('Email').fill('zoe.lefevre@bücher.de');
    await page.screenshot({ path: screenshotPath('2-add-customer-dialog') });
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();

    await page.waitForURL(/\/users\/\d+$/);
    const id = /\/users\/(\d+)$/.exec(page.url())![1];
    await expect.poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Zoë Lefèvre');

    // The phone, in Contacts (the one place where contacts change): the first one is the primary.
    await page.getByRole('button', { name: 'Add phone' }).click();
    await page.getByLabel('New phone number').fill('+33 1 42 68 53 00');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Primary phone' }).inputValue()).toMatch(/^\+33 ?1 ?42 ?68 ?53 ?00$/);
    // The time zone: searched by city, picked with the keyboard.
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('paris');
    await page.getByRole('option', { name: /Paris/ }).waitFor();
    await zone.press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Saved').first().isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('3-profile-saved') });

    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Primary phone' }).inputValue()).toMatch(/^\+33 ?1 ?42 ?68 ?53 ?00$/);
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toMatch(/^UTC\+0[12]:00 Paris$/);
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Zoë Lefèvre');

    // The server holds the same values: the browser did not fake them.
    const r = await app.gql('query($id: ID!) { user(id: $id) { name email phone timeZone createdVia } }', { id });
    expect(r.data.user).toEqual({
      name: 'Zoë Lefèvre',
      email: 'zoe.lefevre@xn--bcher-kva.de',
      phone: '+33142685300',
      timeZone: 'Europe/Paris',
      createdVia: 'ADMIN',
    });
  });

  it('shows who already uses an address, with a link to that profile', async () => {
    await page.goto(`${app.url}/customers`);
    await page.getByRole('button', { name: 'Add customer' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Someone Else');
    await dialog.getByLabel('Email').fill('ZOE.LEFEVRE@xn--bcher-kva.de');
    await page.keyboard.press('Enter');
    const link = dialog.getByRole('link', { name: 'Zoë Lefèvre' });
    await expect.poll(() => link.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('4-email-taken') });
    await link.click();
    await page.waitForURL(/\/users\/\d+$/);
    await expect.poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Zoë Lefèvre');
  });

  it('warns about a reserved address and finds the new customer by search', async () => {
    await page.goto(`${app.url}/customers`);
    await page.getByRole('button', { name: 'Add customer' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('No Mail Person');
    await dialog.getByLabel('Email').fill('no.mail.person@example.invalid');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await page.waitForURL(/\/users\/\d+$/);
    await expect.poll(() => page.getByText(/never/i).first().isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('5-reserved-warning') });

    await page.goto(`${app.url}/customers`);
    await page.getByRole('searchbox').fill('no mail');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'No Mail Person' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Zoë Lefèvre' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('6-search') });
  });

  it('fits a narrow window', async () => {
    // A second window, signed in with the same session cookie.
    const context = await browser.browser.newContext({
      viewport: { width: 400, height: 800 },
      storageState: await page.context().storageState(),
    });
    const narrow = await context.newPage();
    try {
      await narrow.goto(`${app.url}/customers`);
      await expect.poll(() => narrow.getByRole('button', { name: 'Add customer' }).first().isVisible()).toBe(true);
      const overflow = () => narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await expect.poll(overflow).toBeLessThanOrEqual(0);
      await narrow.screenshot({ path: screenshotPath('7-narrow'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
