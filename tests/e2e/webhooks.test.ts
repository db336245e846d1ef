/// <reference lib="dom" />
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

/**
 * An admin registers a partner app's endpoint in Chromium (a real receiver on
 * loopback), copies the secret shown once, sends a test and sees it Sent in
 * the delivery log; the receiver checks the signature with that secret.
 */
describe('webhooks settings, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestApp('sqlite', { WEBHOOK_ALLOW_PRIVATE: 'true', OUTBOX_POLL_MS: '200' });
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    await signInAs(page, `${app.url}/`, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await receiver?.stop();
  });

  it('adds a webhook, shows its secret once, sends a signed test and logs it as Sent', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/settings\/webhooks/);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('URL').fill('ftp://files.partner.io/in');
    await dialog.getByLabel('USER_CREATED').check();
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => dialog.getByText('A webhook URL must start with https:// (or http://).').isVisible()).toBe(true);

    await dialog.getByLabel('URL').fill(`${receiver.base}/partner`);
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await page.locator('[data-secret]').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: screenshotPath('webhooks-1-created') });

    await page.getByRole('button', { name: `Send a test event to ${receiver.base}/partner` }).click();
    const [got] = await receiver.waitFor((rs) => rs.length === 1);
    const ts = String(got.headers['x-accueil-timestamp']);
    expect(got.headers['x-accueil-signature']).toBe(`sha256=${createHmac('sha256', secret).update(`${ts}.${got.raw}`).digest('hex')}`);
    expect(got.body.event).toBe('TEST');

    const log = page.locator('[data-deliveries]');
    await expect
      .poll(async () => {
        await log.getByRole('button', { name: 'Refresh' }).click();
        return log.locator('[data-status]').first().textContent();
      })
      .toBe('Sent');
    expect(await log.getByText('HTTP 200: thanks').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('webhooks-2-log') });

    // Gone once dismissed, and never shown again after a reload.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await expect.poll(() => page.getByRole('cell', { name: `…${secret.slice(-4)}` }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(secret);
  });
});
