/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, submitSignIn, type TestBrowser } from '../helpers/browser.js';

/**
 * Sign in as the admin from ADMIN_EMAIL, add a customer, see the History
 * entry; sign in as an agent and find no admin-only controls. The built app
 * runs under the server's Content-Security-Policy: any violation fails.
 */
describe('sign-in and roles, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
    return page;
  }

  it('refuses a wrong password with a message and no way in', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/customers`);
    await page.waitForURL(/\/sign-in/);
    await submitSignIn(page, ADMIN_EMAIL, 'not the password at all');
    await expect.poll(() => page.getByText('Email or password is incorrect.').isVisible()).toBe(true);
    expect(page.url()).toMatch(/\/sign-in/);
    await page.screenshot({ path: screenshotPath('10-sign-in-error') });
    await page.context().close();
  });

  it('the admin signs in, adds a customer, and sees it in the History', async () => {
    const page = await newPage();
    await signInAs(page, `${app.url}/customers`, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Add customer' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Historia Person');
    await dialog.getByLabel('Email').fill('historia@acme.io');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await page.waitForURL(/\/users\/\d+$/);
    const history = page.getByRole('region', { name: 'History' });
    await expect.poll(() => history.getByText('Created').first().isVisible()).toBe(true);
    await expect.poll(() => history.getByText('Administrator').first().isVisible()).toBe(true);

    // An edit shows up in the history with old and new values.
    await page.getByRole('textbox', { name: 'Alias' }).fill('Hist');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => history.getByText(/Hist/).first().isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('11-profile-history'), fullPage: true });

    // Admin-only controls are there for an admin.
    await expect.poll(() => page.getByRole('link', { name: 'API tokens' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('combobox', { name: 'Role' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'API tokens' }).click();
    // On the tokens page before typing: while its chunk loads, 'Name' is still the profile's name field.
    await page.waitForURL(/\/settings\/api-tokens$/);
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Partner CRM');
    await page.getByLabel('USERS_READ').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/acc_[A-Za-z0-9_-]{43}/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.screenshot({ path: screenshotPath('12-api-tokens'), fullPage: true });
    await page.context().close();
  });

  it('an agent finds no admin-only controls, and the server refuses them anyway', async () => {
    const agent = await app.person('AGENT', 'Agent Smith');
    const admin = (await app.as(app.admin)('{ me { id } }')).data.me.id;
    const page = await newPage();
    await signInAs(page, `${app.url}/customers`, agent.email, agent.password);
    await expect.poll(() => page.getByText('Agent Smith').first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'User fields' }).count()).toBe(0);
    // "+ Add" offers a user, not an organization.
    await page.getByRole('button', { name: '+ Add' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'User' }).isVisible()).toBe(true);
    expect(await page.getByRole('menuitem', { name: 'Organization' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    // Organizations: readable, but nothing to add.
    await page.getByRole('link', { name: 'Organizations' }).click();
    await page.waitForURL(/\/organizations/);
    await expect.poll(() => page.getByRole('heading', { name: 'Organizations', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add organization' }).count()).toBe(0);
    // The fields settings page, typed in, shows nothing to manage.
    await page.goto(`${app.url}/settings/user-fields`);
    await expect
      .poll(() =>
        page
          .getByText(/access/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: 'New field' }).count()).toBe(0);
    await page.goto(`${app.url}/customers`);

    // An end user's profile: editable, but no Role control.
    await page.getByRole('row').filter({ hasText: 'Historia Person' }).getByRole('link').first().click();
    await page.waitForURL(/\/users\/\d+$/);
    await expect.poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Role' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('13-agent-profile'), fullPage: true });

    // The admin's profile: read-only for an agent.
    await page.goto(`${app.url}/users/${admin}`);
    await expect.poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).isEditable()).toBe(false);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    // Typing the admin page's address shows no tokens.
    await page.goto(`${app.url}/settings/api-tokens`);
    await expect
      .poll(() =>
        page
          .getByText(/access/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByText('Partner CRM').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('14-agent-no-access') });

    // Sign out: back to the sign-in page, and the app is closed.
    await page
      .getByRole('button', { name: /Sign out|Agent Smith/ })
      .first()
      .click();
    const signOut = page.getByRole('menuitem', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Sign out' }));
    if (await signOut.count()) await signOut.first().click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${app.url}/customers`);
    await page.waitForURL(/\/sign-in/);
    await page.context().close();
  });

  it('ran without a single Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
