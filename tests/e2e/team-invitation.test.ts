/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, type TestBrowser } from '../helpers/browser.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const PUBLIC_URL = 'http://desk.acme.test';

/**
 * An admin invites a teammate from the Team page; the invitation reaches a
 * real SMTP server; the teammate opens its link in their own browser,
 * chooses a password and lands in the admin app, signed in as an agent.
 */
describe('inviting a teammate, in Chromium', () => {
  let app: TestApp;
  let smtp: SmtpSink;
  let browser: TestBrowser;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp('sqlite', { MAIL_URL: smtp.url, MAIL_FROM: 'Acme Desk <desk@mail.acme.io>', OUTBOX_POLL_MS: '100', PUBLIC_URL });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await smtp?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  it('the admin invites; the mail arrives; the link lets the teammate choose a password and sign in', async () => {
    const admin = await newPage();
    await admin.goto(`${app.url}/customers`);
    await admin.waitForURL(/\/sign-in/);
    await admin.getByLabel('Email').fill(ADMIN_EMAIL);
    await admin.getByLabel('Password').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/customers/);
    await admin.getByRole('link', { name: 'Team' }).click();
    await admin.waitForURL(/\/team$/);
    await admin.getByRole('button', { name: 'Invite teammate' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite a teammate' });
    await dialog.getByLabel('Name').fill('Tess Teammate');
    await dialog.getByLabel('Email').fill('tess@crew.acme.io');
    await dialog.getByLabel('Role').selectOption('AGENT');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => admin.getByText('Invitation sent to tess@crew.acme.io').isVisible()).toBe(true);
    const row = admin.getByRole('row', { name: /Tess Teammate/ });
    await expect.poll(() => row.textContent()).toMatch(/Invited.*Agent.*Never/s);
    await admin.screenshot({ path: screenshotPath('team-1-invited') });

    const [mail] = await eventually(
      () => smtp.received.filter((m) => m.to.includes('tess@crew.acme.io')),
      (l) => l.length > 0,
    );
    expect(mail.subject).toBe('You are invited to join Accueil');
    const link = /http:\/\/desk\.acme\.test(\/invitation\/\S+)/.exec(mail.text)![1];

    const teammate = await newPage();
    await teammate.goto(`${app.url}${link}`);
    await expect.poll(() => teammate.getByRole('heading', { name: 'Join the team' }).isVisible()).toBe(true);
    await teammate.getByLabel('Password').fill('short');
    await teammate.getByRole('button', { name: 'Save password and sign in' }).click();
    await expect
      .poll(() =>
        teammate
          .getByText(/at least 12 characters/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await teammate.getByLabel('Password').fill('a long enough passphrase 42');
    await teammate.screenshot({ path: screenshotPath('team-2-choose-password') });
    await teammate.getByRole('button', { name: 'Save password and sign in' }).click();
    await teammate.waitForURL(/\/customers/);
    await expect.poll(() => teammate.getByRole('heading', { name: 'Customers', exact: true }).isVisible()).toBe(true);
    const me = await teammate.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { email role } }' }),
      });
      return ((await res.json()) as { data: { me: { email: string; role: string } } }).data.me;
    });
    expect(me).toEqual({ email: 'tess@crew.acme.io', role: 'AGENT' });
    // The link is spent; the admin's Team page now shows a last sign-in instead of Invited.
    await teammate.goto(`${app.url}${link}`);
    await expect.poll(() => teammate.getByText('This link was already used.').isVisible()).toBe(true);
    await admin.reload();
    await expect.poll(() => admin.getByRole('row', { name: /Tess Teammate/ }).textContent()).not.toMatch(/Invited|Never/);
    await admin.context().close();
    await teammate.context().close();
  });
});
