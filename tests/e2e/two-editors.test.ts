/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, screenshotPath, signInAs, type TestBrowser } from '../helpers/browser.js';

/**
 * Issue 13: two people on one profile, in two Chromium contexts (two sessions). Fields only one of
 * them changed are merged; a field both changed is a conflict shown side by side, resolved without
 * losing either text.
 */
describe('two people editing one profile, in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let userId: string;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchBrowser();
    const r = await app.gql(
      'mutation { createUser(input: { name: "Shared Profile", email: "shared.profile@acme.io", notes: "First note" }) { user { id } } }',
    );
    userId = r.data.createUser.user.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function openProfile(): Promise<Page> {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await signInAs(page, `${app.url}/users/${userId}`, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expect.poll(() => page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('First note');
    return page;
  }

  const saved = async (page: Page) => expect.poll(() => page.locator('.profile-form [role="status"]').textContent()).toMatch(/Saved/);

  it('merges fields only one side changed, and resolves a real conflict without losing either text', async () => {
    const ann = await openProfile();
    const bob = await openProfile();

    // Ann changes the alias, Bob (who has not reloaded) the notes: both land.
    await ann.getByRole('textbox', { name: 'Alias' }).fill('From Ann');
    await ann.getByRole('button', { name: 'Save' }).click();
    await saved(ann);
    await bob.getByRole('textbox', { name: 'Notes' }).fill('Bob’s note');
    await bob.getByRole('button', { name: 'Save' }).click();
    await saved(bob);
    await expect.poll(() => bob.getByRole('textbox', { name: 'Alias' }).inputValue()).toBe('From Ann');
    const afterMerge = (await app.gql('query($id: ID!) { user(id: $id) { alias notes } }', { id: userId })).data.user;
    expect(afterMerge).toEqual({ alias: 'From Ann', notes: 'Bob’s note' });

    // Ann, still on her page, changes the notes too: a conflict, both values side by side.
    await ann.getByRole('textbox', { name: 'Notes' }).fill('Ann’s note');
    await ann.getByRole('button', { name: 'Save' }).click();
    const conflict = ann.locator('[data-conflict="notes"]');
    await expect.poll(() => conflict.isVisible()).toBe(true);
    expect(await conflict.locator('[data-theirs]').textContent()).toBe('Bob’s note');
    expect(await conflict.locator('[data-yours]').textContent()).toBe('Ann’s note');
    await ann.screenshot({ path: screenshotPath('13-conflict'), fullPage: true });
    // Nothing was overwritten.
    expect((await app.gql('query($id: ID!) { user(id: $id) { notes } }', { id: userId })).data.user.notes).toBe('Bob’s note');

    await conflict.getByRole('button', { name: 'Keep both' }).click();
    await ann.getByRole('button', { name: 'Save' }).click();
    await saved(ann);
    const final = (await app.gql('query($id: ID!) { user(id: $id) { alias notes } }', { id: userId })).data.user;
    expect(final).toEqual({ alias: 'From Ann', notes: 'Ann’s note\n\nBob’s note' });
    await ann.context().close();
    await bob.context().close();
  });
});
