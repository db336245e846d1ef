/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * Two paths in Chromium against the production build: an agent creates a
 * ticket for a new caller by typing an email, adds the name in the inline
 * add-customer dialog, and lands on the ticket with the new customer as its
 * requester; a visitor submits the public request form, and the agent finds
 * the new ticket and the new customer.
 */
describe('tickets, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    await signInAs(page, `${app.url}/`, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('creates a ticket for a new caller: types the email, names them in the dialog, lands on the ticket', async () => {
    await page.getByRole('button', { name: '+ Add' }).click();
    await page.getByRole('menuitem', { name: 'Ticket' }).click();
    await page.waitForURL(/\/tickets\/new$/);

    const requester = page.getByRole('combobox', { name: /Requester/ });
    await requester.click();
    await page.keyboard.type('new.caller@phone.acme.io');
    const addNew = page.getByRole('option', { name: /Add “new\.caller@phone\.acme\.io” as a new customer/ });
    await expect.poll(() => addNew.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('tickets-1-requester-unknown') });
    await addNew.click();

    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('Email').inputValue()).toBe('new.caller@phone.acme.io');
    await dialog.getByLabel('Name').fill('Nouvel Appelant');
    await dialog.getByRole('button', { name: 'Use for this ticket' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText('New customer: Nouvel Appelant (new.caller@phone.acme.io)').isVisible()).toBe(true);

    await page.getByRole('textbox', { name: 'Subject' }).fill('Cannot log in');
    await page.getByRole('textbox', { name: 'Description' }).fill('Called at 9:00, locked out.');
    await page.screenshot({ path: screenshotPath('tickets-2-new-ticket-form') });
    await page.getByRole('button', { name: 'Create ticket' }).click();

    await page.waitForURL(/\/tickets\/\d+$/);
    const id = /\/tickets\/(\d+)$/.exec(page.url())![1];
    await expect.poll(() => page.getByRole('heading', { name: 'Cannot log in' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/New customer created: Nouvel Appelant \(new\.caller@phone\.acme\.io\)/).isVisible()).toBe(true);
    expect(await page.locator('[data-requester]').textContent()).toContain('Nouvel Appelant');
    await page.screenshot({ path: screenshotPath('tickets-3-ticket-page') });

    const r = await app.as(app.admin)('query($id: ID!) { ticket(id: $id) { via requester { name email createdVia } } }', { id });
    expect(r.data.ticket).toEqual({ via: 'AGENT', requester: { name: 'Nouvel Appelant', email: 'new.caller@phone.acme.io', createdVia: 'TICKET' } });
  });

  it('a visitor submits the public form; the agent finds the new ticket and customer', async () => {
    const visitor = await browser.browser.newPage({ viewport: { width: 800, height: 900 } });
    try {
      await visitor.goto(`${app.url}/requests/new`);
      await expect.poll(() => visitor.getByRole('heading', { name: 'Submit a request' }).isVisible()).toBe(true);
      // No sign-in and no admin shell.
      expect(visitor.url()).toMatch(/\/requests\/new$/);
      expect(await visitor.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await visitor.getByRole('button', { name: 'Submit' }).click();
      await expect.poll(() => visitor.getByText('Enter your name.').isVisible()).toBe(true);
      await visitor.getByLabel('Your name').fill('Visiteur Web');
      await visitor.getByLabel('Your email address').fill('not-an-address');
      await visitor.getByLabel('Subject').fill('Facture en double');
      await visitor.getByLabel('Description').fill('J’ai reçu deux factures.');
      await visitor.getByRole('button', { name: 'Submit' }).click();
      // The server's refusal lands next to the field.
      await expect.poll(async () => (await visitor.locator('#request-email').getAttribute('aria-invalid')) === 'true').toBe(true);
      await visitor.getByLabel('Your email address').fill('visiteur@web.acme.io');
      await visitor.getByRole('button', { name: 'Submit' }).click();
      await expect.poll(() => visitor.getByText('Thank you: your request was received.').isVisible()).toBe(true);
      await visitor.screenshot({ path: screenshotPath('tickets-4-request-received') });
    } finally {
      await visitor.close();
    }

    await page.getByRole('link', { name: 'Tickets' }).first().click();
    await page.waitForURL(/\/tickets$/);
    await page.getByLabel('Status').selectOption('NEW');
    const row = page.getByRole('link', { name: 'Facture en double' });
    await expect.poll(() => row.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('tickets-5-list') });
    await row.click();
    await page.waitForURL(/\/tickets\/\d+$/);
    await expect.poll(() => page.getByText('J’ai reçu deux factures.').isVisible()).toBe(true);
    await page.locator('[data-requester]').getByRole('link', { name: 'Visiteur Web' }).click();
    await page.waitForURL(/\/users\/\d+$/);
    await expect
      .poll(() =>
        page
          .locator('[data-tickets="requested"]')
          .getByRole('link', { name: /Facture en double/ })
          .isVisible(),
      )
      .toBe(true);
    const id = /\/users\/(\d+)$/.exec(page.url())![1];
    const r = await app.as(app.admin)('query($id: ID!) { user(id: $id) { name email createdVia verified } }', { id });
    expect(r.data.user).toEqual({ name: 'Visiteur Web', email: 'visiteur@web.acme.io', createdVia: 'SELF', verified: false });
  });
});
