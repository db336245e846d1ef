/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

/**
 * An agent's follow-up in Chromium: open a customer's profile, Send email,
 * subject and text, Send; the Messages card shows it Queued, then Sent once
 * the real SMTP server on loopback (MAIL_URL) took it.
 */
describe('an agent sends a follow-up from the profile, in Chromium', () => {
  let app: TestApp;
  let smtp: SmtpSink;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp('sqlite', { MAIL_URL: smtp.url, MAIL_FROM: 'Acme Support <support@acme.io>', OUTBOX_POLL_MS: '200' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await smtp?.stop();
  });

  it('sends it and sees it SENT', async () => {
    const agent = await app.person('AGENT', 'Sam Agent');
    const created = await app.gql('mutation { createUser(input: { name: "Léa Martin", email: "lea.martin@acme.io" }) { user { id } } }');
    const id = created.data.createUser.user.id as string;

    page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    await signInAs(page, `${app.url}/users/${id}`, agent.email, agent.password);

    const messages = page.getByRole('region', { name: 'Messages' });
    await expect.poll(() => messages.getByText('No email has been sent to this person yet.').isVisible(), { timeout: 10_000 }).toBe(true);
    await messages.getByRole('button', { name: 'Send email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send email' });
    await expect.poll(() => dialog.isVisible(), { timeout: 5000 }).toBe(true);
    await dialog.getByLabel('Subject').fill('Your replacement zipper');
    await dialog.getByLabel('Message').fill('Hello Léa,\n\nThe new zipper left our workshop today.\n\nSam');
    await page.screenshot({ path: screenshotPath('40-send-email-dialog') });
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 5000 }).toBe(false);

    const row = messages.getByRole('row', { name: /Your replacement zipper/ });
    await expect.poll(() => row.isVisible(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('SENT');
    expect(await row.locator('[data-status]').textContent()).toBe('Sent');
    await page.screenshot({ path: screenshotPath('41-follow-up-sent'), fullPage: true });

    // The SMTP server got it once, as written.
    const got = smtp.received.filter((m) => m.to.includes('lea.martin@acme.io'));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ subject: 'Your replacement zipper', from: '"Acme Support" <support@acme.io>' });
    expect(got[0]!.text).toContain('The new zipper left our workshop today.');
  });

  it('the admin finds it in the Outbox, and the filter narrows the list', async () => {
    const admin = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    admin.setDefaultTimeout(10_000);
    await signInAs(admin, `${app.url}/settings/outbox`, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expect.poll(() => admin.getByRole('link', { name: 'Outbox' }).isVisible(), { timeout: 10_000 }).toBe(true);
    const row = admin.getByRole('row', { name: /Your replacement zipper/ });
    await expect.poll(() => row.isVisible(), { timeout: 10_000 }).toBe(true);
    await admin.getByLabel('Status').selectOption('FAILED');
    await expect.poll(() => admin.getByText('No email has this status.').isVisible(), { timeout: 5000 }).toBe(true);
    await admin.getByLabel('Status').selectOption('SENT');
    await expect.poll(() => row.isVisible(), { timeout: 5000 }).toBe(true);
    await admin.screenshot({ path: screenshotPath('42-outbox'), fullPage: true });
    await admin.close();
  });
});
