/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialog, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * Issue 13: leaving a profile with unsaved edits asks first, in a real browser, for each way of
 * leaving: a link in the sidebar and Back in the app's own dialog, a reload and closing the tab in
 * the browser's (beforeunload). Staying keeps the page and the edits; once saved, nothing asks.
 */
describe('unsaved edits are never thrown away without a word, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let page: Page;
  let userId: string;
  /** What the browser itself asked, in order: only 'beforeunload' (the app asks in its own dialog). */
  const asked: string[] = [];

  const onDialog = async (dialog: Dialog) => {
    asked.push(dialog.type());
    await dialog.dismiss(); // stay
  };
  /** The app's question before leaving unsaved edits. */
  const question = () => page.getByRole('dialog', { name: 'Leave without saving?' });
  const stay = async () => {
    await question().getByRole('button', { name: 'Cancel' }).click();
    await question().waitFor({ state: 'hidden' });
  };

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchBrowser();
    const r = await app.gql('mutation { createUser(input: { name: "Careful Editor", email: "careful.editor@acme.io" }) { user { id } } }');
    userId = r.data.createUser.user.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function openProfileWithEdits(): Promise<Page> {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    p.setDefaultTimeout(10_000);
    p.on('dialog', onDialog);
    await signInAs(p, `${app.url}/customers`, ADMIN_EMAIL, ADMIN_PASSWORD);
    await p.getByRole('link', { name: 'Careful Editor' }).click();
    await p.waitForURL(new RegExp(`/users/${userId}$`));
    await p.getByRole('textbox', { name: 'Notes' }).fill('A note not saved yet');
    return p;
  }

  const notes = () => page.getByRole('textbox', { name: 'Notes' }).inputValue();

  it('asks before a sidebar link, Back and a reload; "stay" keeps the page and the edits', async () => {
    page = await openProfileWithEdits();

    await page.getByRole('navigation').getByRole('link', { name: 'Organizations' }).click();
    await question().waitFor();
    expect(await question().textContent()).toContain('You have changes on this page that are not saved');
    await stay();
    expect(page.url()).toMatch(new RegExp(`/users/${userId}$`));
    expect(await notes()).toBe('A note not saved yet');

    // Back: the keyboard answers too (Escape stays).
    await page.goBack();
    await question().waitFor();
    await page.keyboard.press('Escape');
    await question().waitFor({ state: 'hidden' });
    await expect.poll(() => page.url()).toMatch(new RegExp(`/users/${userId}$`));
    expect(await notes()).toBe('A note not saved yet');
    expect(asked).toEqual([]);

    await page.reload().catch(() => undefined); // staying cancels the navigation
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe('beforeunload');
    expect(await notes()).toBe('A note not saved yet');
  });

  it('asks before the tab closes; after a save, nothing asks', async () => {
    const before = asked.length;
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked.length).toBe(before + 1);
    expect(asked.at(-1)).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    // Saved: leaving by the sidebar asks nothing.
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.profile-form [role="status"]').textContent()).toMatch(/Saved/);
    await page.getByRole('navigation').getByRole('link', { name: 'Organizations' }).click();
    await page.waitForURL(/\/organizations$/);
    expect(asked.length).toBe(before + 1);
    const stored = await app.gql('query($id: ID!) { user(id: $id) { notes } }', { id: userId });
    expect(stored.data.user.notes).toBe('A note not saved yet');
  });

  it('leaving on purpose ("leave") goes, and the edits are not saved', async () => {
    page = await openProfileWithEdits();
    await page.getByRole('textbox', { name: 'Notes' }).fill('Thrown away on purpose');
    const before = asked.length;
    await page.getByRole('navigation').getByRole('link', { name: 'Organizations' }).click();
    await question().getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL(/\/organizations$/);
    expect(await question().count()).toBe(0);
    expect(asked.length).toBe(before);
    const stored = await app.gql('query($id: ID!) { user(id: $id) { notes } }', { id: userId });
    expect(stored.data.user.notes).toBe('A note not saved yet');
  });
});
