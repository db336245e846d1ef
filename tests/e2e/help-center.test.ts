/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, type TestBrowser } from '../helpers/browser.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const PUBLIC_URL = 'http://help.acme.test';

/**
 * The end users' door in Chromium against the production build: a visitor
 * signs up in the help center, follows the verification link from the
 * message a real SMTP server received, chooses a password, submits a request,
 * sees it in My requests and replies.
 */
describe('the help center, in Chromium', () => {
  let app: TestApp;
  let smtp: SmtpSink;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp('sqlite', { MAIL_URL: smtp.url, MAIL_FROM: 'Acme Help <help@mail.acme.io>', OUTBOX_POLL_MS: '100', PUBLIC_URL });
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1024, height: 800 } });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await smtp?.stop();
  });

  it('a visitor signs up, verifies from the mail, chooses a password, submits a request and replies to it', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${app.url}/help`);
    await page.waitForURL(/\/help\/sign-in/);
    await page.getByRole('link', { name: 'Sign up' }).first().click();
    await page.waitForURL(/\/help\/sign-up/);
    await page.getByLabel('Name').fill('Vera Visitor');
    await page.getByLabel('Email').fill('vera@visitors.acme.io');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => page.getByText('Check your mail').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('help-1-signed-up') });
    // The help center never loaded the admin app's shell.
    expect(scripts.some((s) => /AdminShell|CustomersPage/.test(s))).toBe(false);

    const [mail] = await eventually(
      () => smtp.received.filter((m) => m.to.includes('vera@visitors.acme.io')),
      (l) => l.length > 0,
    );
    expect(mail.subject).toBe('Welcome to Accueil');
    const link = /http:\/\/help\.acme\.test(\/verify\/\S+)/.exec(mail.text)![1];
    await page.goto(`${app.url}${link}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Choose a password' }).isVisible()).toBe(true);
    await page.getByLabel('New password').fill('a long enough passphrase 42');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.waitForURL(/\/help\/requests$/);
    await expect.poll(() => page.getByText('You have no requests yet.').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Submit a request' }).first().click();
    await page.waitForURL(/\/help\/requests\/new$/);
    await page.getByLabel('Subject').fill('My parcel is late');
    await page.getByLabel('Description').fill('Ordered a week ago.');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.getByText('Request received.').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'My requests' }).first().click();
    await page.waitForURL(/\/help\/requests$/);
    await page.getByRole('link', { name: 'My parcel is late' }).click();
    await page.waitForURL(/\/help\/requests\/\d+$/);
    await expect.poll(() => page.getByText('Ordered a week ago.').isVisible()).toBe(true);
    await page.getByLabel('Your reply').fill('Any news?');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.locator('[data-conversation]').getByText('Any news?').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('help-2-my-request') });

    // The reply is on the ticket, written by Vera; the link is used up.
    const id = /\/help\/requests\/(\d+)$/.exec(page.url())![1];
    const r = await app.as(app.admin)(
      'query($id: ID!) { ticket(id: $id) { requester { email verified } comments { edges { node { body author { name } } } } } }',
      { id },
    );
    expect(r.data.ticket.requester).toEqual({ email: 'vera@visitors.acme.io', verified: true });
    expect(r.data.ticket.comments.edges.map((e: any) => [e.node.body, e.node.author.name])).toEqual([
      ['Ordered a week ago.', 'Vera Visitor'],
      ['Any news?', 'Vera Visitor'],
    ]);
    // The desk answers: Vera reads the answer and who wrote it (she may not read the admin's account itself).
    const answered = await app.as(app.admin)(
      'mutation($t: ID!) { addTicketComment(ticketId: $t, input: { body: "It ships tomorrow." }) { ticket { id } } }',
      { t: id },
    );
    expect(answered.errors).toBeUndefined();
    const adminName = (await app.as(app.admin)('{ me { name } }')).data.me.name as string;
    await page.reload();
    const answer = page.locator('[data-conversation]').getByText('It ships tomorrow.');
    await expect.poll(() => answer.isVisible()).toBe(true);
    await expect.poll(() => page.locator('[data-conversation]').getByText(adminName, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText('This request was not found.').count()).toBe(0);

    await page.goto(`${app.url}${link}`);
    await expect.poll(() => page.getByText('This link was already used.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Send me a new link' }).isVisible()).toBe(true);
  });
});
