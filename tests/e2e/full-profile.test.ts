/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * An admin's whole path through a rich profile, in Chromium: define custom
 * user fields (and reorder them with the keyboard), add an organization with
 * an email domain, add a customer who joins it by that domain, fill every
 * custom field (a server error first, then a fix), add contacts (a shared
 * phone number, an address someone else has), tag the customer and filter by
 * the tag, and find them on the organization's page. Runs against the built
 * app on the embedded SQLite default.
 */
describe('a full customer profile, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let adaId: string;
  let charlesId: string;
  const pageErrors: string[] = [];

  const CHARLES = { name: 'Charles Babbage', email: 'charles@difference.example.com', phone: '+44 20 7946 0018' };
  const SKU_HINT = 'Three capital letters, a dash and three digits';

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) pageErrors.push(m.text());
    });
    await signInAs(page, `${app.url}/`, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const nav = () => page.getByRole('navigation', { name: 'Main' });

  /** The titles of the user fields, in the order the settings table lists them. */
  async function fieldOrder(): Promise<string[]> {
    const handles = page.getByRole('button', { name: /^Reorder / });
    const labels = await handles.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    return labels.map((label) => label.replace(/^Reorder /, ''));
  }

  /** Opens New field, fills title and type, lets `more` fill the rest, and creates it. */
  async function createField(title: string, type: string, more?: (dialog: Locator) => Promise<void>) {
    await page.getByRole('button', { name: 'New field' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading', { name: 'New user field' }).isVisible()).toBe(true);
    await dialog.getByLabel('Title', { exact: true }).fill(title);
    // The key follows the title.
    await expect.poll(() => dialog.getByLabel('Key', { exact: true }).inputValue()).toBe(title.toLowerCase());
    await dialog.getByLabel('Type', { exact: true }).selectOption(type);
    if (more) await more(dialog);
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByText(`Field “${title}” created.`).isVisible()).toBe(true);
  }

  it('defines five user fields and reorders one with the keyboard', async () => {
    await nav().getByRole('link', { name: 'User fields', exact: true }).click();
    await page.waitForURL(/\/settings\/user-fields$/);
    await expect.poll(() => page.getByRole('heading', { name: 'User fields', level: 1 }).isVisible()).toBe(true);

    await createField('Plan', 'DROPDOWN', async (dialog) => {
      const options = dialog.getByRole('group', { name: 'Options' });
      await options.getByLabel('Title of option 1', { exact: true }).fill('Free');
      await options.getByRole('button', { name: 'Add option' }).click();
      await options.getByLabel('Title of option 2', { exact: true }).fill('Pro');
      // Values follow the titles.
      await expect.poll(() => options.getByLabel('Value of option 1', { exact: true }).inputValue()).toBe('free');
      await expect.poll(() => options.getByLabel('Value of option 2', { exact: true }).inputValue()).toBe('pro');
    });
    await createField('Seats', 'INTEGER');
    await createField('Renewal', 'DATE');
    await createField('Beta', 'CHECKBOX');
    await createField('SKU', 'REGEXP', async (dialog) => {
      await dialog.getByLabel('Pattern', { exact: true }).fill('[A-Z]{3}-\\d{3}');
      await dialog.getByLabel('Pattern hint', { exact: true }).fill(SKU_HINT);
    });
    expect(await fieldOrder()).toEqual(['Plan', 'Seats', 'Renewal', 'Beta', 'SKU']);
    const skuRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Reorder SKU' }) });
    expect(await skuRow.getByRole('cell').nth(3).innerText()).toContain('[A-Z]{3}-\\d{3}');

    // Keyboard reorder: focus SKU's handle, Space picks it up, ArrowUp moves it, Space drops it.
    const handle = page.getByRole('button', { name: 'Reorder SKU', exact: true });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => handle.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    const live = page.locator('[data-reorder-live]');
    await expect.poll(() => live.textContent()).toMatch(/SKU dropped at position 4 of 5\. Order saved\./);
    expect(await handle.getAttribute('aria-pressed')).toBe('false');
    // The focus stays on the handle that moved.
    await expect.poll(() => handle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await fieldOrder()).toEqual(['Plan', 'Seats', 'Renewal', 'SKU', 'Beta']);

    await page.reload();
    await expect.poll(() => fieldOrder()).toEqual(['Plan', 'Seats', 'Renewal', 'SKU', 'Beta']);
    await page.screenshot({ path: screenshotPath('20-user-fields'), fullPage: true });
  });

  it('adds the organization Analytical Engines with its email domain', async () => {
    await nav().getByRole('link', { name: 'Organizations', exact: true }).click();
    await page.waitForURL(/\/organizations$/);
    await page.getByRole('button', { name: 'Add organization' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading', { name: 'Add organization' }).isVisible()).toBe(true);
    await dialog.getByLabel('Name', { exact: true }).fill('Analytical Engines');
    await dialog.getByLabel('Domains', { exact: true }).fill('Analytical.Example.org');
    await page.keyboard.press('Enter');
    // Enter made a chip of the domain (normalized), and did not submit.
    await expect.poll(() => dialog.getByRole('button', { name: 'Remove analytical.example.org' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();

    await page.waitForURL(/\/organizations\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Analytical Engines', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Organization added.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Remove analytical.example.org' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('21-organization'), fullPage: true });
  });

  it('adds a customer who joins the organization by their email domain', async () => {
    // The other customer of this story, made through the API.
    const created = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { ...CHARLES, tags: ['vip'] } });
    expect(created.errors).toBeUndefined();
    charlesId = created.data.createUser.user.id;

    await nav().getByRole('link', { name: 'Customers', exact: true }).click();
    await page.waitForURL(/\/customers/);
    await page.getByRole('button', { name: 'Add customer' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
    await dialog.getByLabel('Email', { exact: true }).fill('ada@analytical.example.org');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();

    await page.waitForURL(/\/users\/\d+$/);
    adaId = /\/users\/(\d+)$/.exec(page.url())![1]!;
    await expect.poll(() => page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).isVisible()).toBe(true);
    // The header links to the organization (the history names it too, by a link), and the picker holds it.
    const orgLink = page.locator('.profile-header__organization');
    await expect.poll(() => orgLink.isVisible()).toBe(true);
    expect(await orgLink.innerText()).toBe('Analytical Engines');
    expect(await orgLink.getAttribute('href')).toMatch(/^\/organizations\/\d+$/);
    expect(await page.getByRole('combobox', { name: 'Organization', exact: true }).inputValue()).toBe('Analytical Engines');
    expect(await page.getByRole('link', { name: 'Open Analytical Engines' }).isVisible()).toBe(true);
  });

  it('fills the custom fields: a server error lands next to SKU and nothing is lost; the fix is saved', async () => {
    const fields = page.getByRole('region', { name: 'Customer fields' });
    await expect.poll(() => fields.isVisible()).toBe(true);
    // In the admins' order.
    const keys = await fields.locator('[data-field-key]').evaluateAll((els) => els.map((el) => el.getAttribute('data-field-key')));
    expect(keys).toEqual(['plan', 'seats', 'renewal', 'sku', 'beta']);

    const plan = fields.getByRole('combobox', { name: 'Plan', exact: true });
    const seats = fields.getByRole('textbox', { name: 'Seats', exact: true });
    const renewal = fields.getByLabel('Renewal', { exact: true });
    const beta = fields.getByRole('checkbox', { name: 'Beta', exact: true });
    const sku = fields.getByRole('textbox', { name: 'SKU', exact: true });
    // The pattern's hint describes SKU.
    expect(await sku.evaluate((el) => el.getAttribute('aria-describedby'))).toBeTruthy();
    await expect.poll(() => fields.getByText(SKU_HINT).isVisible()).toBe(true);

    await plan.selectOption({ label: 'Pro' });
    await seats.fill('12');
    await renewal.fill('2026-03-31');
    await beta.check();
    await sku.fill('abc-12');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const skuError = fields.locator('[data-field-key="sku"]').getByText(/SKU: the value does not have the expected form/);
    await expect.poll(() => skuError.isVisible()).toBe(true);
    expect(await skuError.innerText()).toContain(SKU_HINT);
    expect(await sku.getAttribute('aria-invalid')).toBe('true');
    // The error describes the field, and the focus went to it.
    const described = await sku.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toMatch(/expected form/);
    await expect.poll(() => sku.evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing typed was lost.
    expect(await plan.inputValue()).toBe('pro');
    expect(await seats.inputValue()).toBe('12');
    expect(await renewal.inputValue()).toBe('2026-03-31');
    expect(await beta.isChecked()).toBe(true);
    expect(await sku.inputValue()).toBe('abc-12');
    expect(await page.getByText('Unsaved changes').isVisible()).toBe(true);
    // The save was refused as a whole: the server kept no value.
    const before = await app.gql('query($id: ID!) { user(id: $id) { fields { key value } } }', { id: adaId });
    expect(before.data.user.fields.filter((f: { value: string | null }) => f.value !== null && f.value !== 'false')).toEqual([]);

    // Typing in SKU clears its error; the fix saves.
    await sku.fill('ABC-123');
    await expect.poll(() => skuError.count()).toBe(0);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).isVisible()).toBe(true);

    await page.reload();
    await expect.poll(() => plan.inputValue()).toBe('pro');
    expect(await seats.inputValue()).toBe('12');
    expect(await renewal.inputValue()).toBe('2026-03-31');
    expect(await beta.isChecked()).toBe(true);
    expect(await sku.inputValue()).toBe('ABC-123');
    await page.screenshot({ path: screenshotPath('22-profile-fields'), fullPage: true });

    // The server holds the same values.
    const r = await app.gql('query($id: ID!) { user(id: $id) { fields { key value } } }', { id: adaId });
    expect(Object.fromEntries(r.data.user.fields.map((f: { key: string; value: string }) => [f.key, f.value]))).toEqual({
      plan: 'pro',
      seats: '12',
      renewal: '2026-03-31',
      sku: 'ABC-123',
      beta: 'true',
    });
  });

  it('adds contacts: a second address, a shared phone number, and an address someone else has', async () => {
    const contacts = page.getByRole('region', { name: 'Contacts' });

    // A second email address.
    await contacts.getByRole('button', { name: 'Add email' }).click();
    await contacts.getByRole('textbox', { name: 'New email address', exact: true }).fill('ada.lovelace@analytical.example.org');
    await contacts.getByRole('button', { name: 'Add', exact: true }).click();
    const emails = contacts.getByRole('list').first();
    await expect.poll(() => emails.getByText('ada.lovelace@analytical.example.org', { exact: true }).isVisible()).toBe(true);
    expect(await emails.getByText('ada@analytical.example.org', { exact: true }).isVisible()).toBe(true);

    // A phone number Charles has: kept as shared, with a notice linking to him.
    await contacts.getByRole('button', { name: 'Add phone' }).click();
    await contacts.getByRole('textbox', { name: 'New phone number', exact: true }).fill('+44 (0)20 7946 0018');
    await contacts.getByRole('button', { name: 'Add', exact: true }).click();
    const notice = contacts.locator('[data-warning="SHARED_PHONE"]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toMatch(/is also the number of Charles Babbage\. It is kept here as a shared number/);
    const noticeLink = notice.getByRole('link', { name: CHARLES.name, exact: true });
    expect(await noticeLink.getAttribute('href')).toBe(`/users/${charlesId}`);
    expect(await contacts.getByText('Shared number', { exact: true }).isVisible()).toBe(true);

    // An address Charles has: refused, naming him with a link.
    await contacts.getByRole('button', { name: 'Add email' }).click();
    await contacts.getByRole('textbox', { name: 'New email address', exact: true }).fill('Charles@Difference.example.com');
    await contacts.getByRole('button', { name: 'Add', exact: true }).click();
    const taken = contacts.getByText(/This address is already used by/);
    await expect.poll(() => taken.isVisible()).toBe(true);
    expect(await taken.innerText()).toBe('This address is already used by Charles Babbage.');
    expect(await taken.getByRole('link', { name: CHARLES.name, exact: true }).getAttribute('href')).toBe(`/users/${charlesId}`);
    await contacts.screenshot({ path: screenshotPath('23-contacts') });

    // The server agrees.
    const r = await app.gql('query($id: ID!) { user(id: $id) { identities { type value shared } } }', { id: adaId });
    expect(r.data.user.identities).toEqual(
      expect.arrayContaining([
        { type: 'EMAIL', value: 'ada@analytical.example.org', shared: false },
        { type: 'EMAIL', value: 'ada.lovelace@analytical.example.org', shared: false },
        { type: 'PHONE', value: '+442079460018', shared: true },
      ]),
    );
    expect(r.data.user.identities).toHaveLength(3);

    // Cancel the open form with Escape.
    await contacts.getByRole('textbox', { name: 'New email address', exact: true }).press('Escape');
    await expect.poll(() => contacts.getByRole('button', { name: 'Add email' }).isVisible()).toBe(true);
  });

  it('tags the customer (normalized), and the tag filter finds only them', async () => {
    const tags = page.getByRole('combobox', { name: 'Tags', exact: true });
    await tags.click();
    await page.keyboard.type('Early Adopter');
    await page.keyboard.press('Enter');
    const chip = page.getByRole('button', { name: 'Remove early_adopter', exact: true });
    await expect.poll(() => chip.isVisible()).toBe(true);
    expect(await tags.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).isVisible()).toBe(true);

    await page.reload();
    await expect.poll(() => chip.isVisible()).toBe(true);
    // The chip reads the normalized tag.
    expect((await page.getByRole('listitem').filter({ has: chip }).innerText()).trim()).toBe('early_adopter');

    await nav().getByRole('link', { name: 'Customers', exact: true }).click();
    await page.waitForURL(/\/customers/);
    const rows = page.getByRole('table', { name: 'Customers' }).getByRole('row');
    // Ada and Charles (and the header row), before the filter: the admin is on the Team page, not among customers.
    await expect.poll(() => rows.count()).toBe(3);
    const filter = page.getByRole('combobox', { name: 'Filter by tags', exact: true });
    await filter.click();
    await page.keyboard.type('early_adopter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]tag=early_adopter/);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('link', { name: 'Ada Lovelace' }).isVisible()).toBe(true);
    expect(await rows.nth(1).getByRole('link', { name: 'Analytical Engines' }).isVisible()).toBe(true);
  });

  it('filters customers by a custom field value (Plan = Pro finds only Ada), kept in the address; a wrong value is explained next to it', async () => {
    const rows = page.getByRole('table', { name: 'Customers' }).getByRole('row');
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(new URL(page.url()).search).toBe('');

    const field = filters.getByRole('combobox', { name: 'Filter by field', exact: true });
    // The active fields, in the admins' order.
    expect(await field.locator('option').allInnerTexts()).toEqual(['Any field', 'Plan', 'Seats', 'Renewal', 'SKU', 'Beta']);
    await field.selectOption({ label: 'Plan' });
    const plan = filters.getByRole('combobox', { name: 'Value of Plan', exact: true });
    expect(await plan.locator('option').allInnerTexts()).toEqual(['Any value', 'Free', 'Pro']);
    await plan.selectOption({ label: 'Pro' });
    await page.waitForURL(/\?field=plan&value=pro$/);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('link', { name: 'Ada Lovelace' }).isVisible()).toBe(true);

    // A reload (or the link shared) shows the same list.
    await page.reload();
    await expect.poll(() => plan.inputValue()).toBe('pro');
    expect(await field.inputValue()).toBe('plan');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('link', { name: 'Ada Lovelace' }).isVisible()).toBe(true);
    await page.locator('.customers-card').screenshot({ path: screenshotPath('24-field-filter') });

    // Text in a whole-number field: the reason shows next to the value (said by the app before asking), and the page keeps working.
    await field.selectOption({ label: 'Seats' });
    const seats = filters.getByRole('textbox', { name: 'Value of Seats', exact: true });
    await seats.fill('twelve');
    await seats.press('Enter');
    const error = filters.getByRole('alert');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.innerText()).toMatch(/Enter a whole number, e\.g\. 1,234\./);
    expect(await seats.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Customers could not be loaded.').count()).toBe(0);
    await page.setViewportSize({ width: 400, height: 900 });
    await page.screenshot({ path: screenshotPath('25-field-filter-error-narrow'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await seats.fill('12');
    await seats.press('Enter');
    await page.waitForURL(/\?field=seats&value=12$/);
    await expect.poll(() => error.count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('link', { name: 'Ada Lovelace' }).isVisible()).toBe(true);
  });

  it("lists the customer on the organization's page", async () => {
    await nav().getByRole('link', { name: 'Organizations', exact: true }).click();
    await page.waitForURL(/\/organizations$/);
    await page.getByRole('link', { name: 'Analytical Engines', exact: true }).click();
    await page.waitForURL(/\/organizations\/\d+$/);
    const users = page.getByRole('region', { name: 'Users' });
    const ada = users.getByRole('link', { name: 'Ada Lovelace', exact: true });
    await expect.poll(() => ada.isVisible()).toBe(true);
    expect(await ada.getAttribute('href')).toBe(`/users/${adaId}`);
    expect(await users.getByRole('link', { name: CHARLES.name }).count()).toBe(0);
    expect(await page.getByText('1 user', { exact: true }).isVisible()).toBe(true);
  });

  it("keeps the profile's side column in view while scrolling only when it fits the window", async () => {
    await page.goto(`${app.url}/users/${adaId}`);
    const aside = page.locator('aside.record-page__aside');
    await expect.poll(() => aside.isVisible()).toBe(true);
    const position = () => aside.evaluate((el) => getComputedStyle(el).position);
    const asideHeight = await aside.evaluate((el) => (el as HTMLElement).offsetHeight);
    // A window taller than the column: it stays in view.
    await page.setViewportSize({ width: 1280, height: asideHeight + 400 });
    await expect.poll(position).toBe('sticky');
    // Shorter than the column: it scrolls with the page, so its end can be reached without scrolling to the page's.
    await page.setViewportSize({ width: 1280, height: Math.max(300, asideHeight - 200) });
    await expect.poll(position).toBe('static');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('ran without a page error or a Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
