/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, signInAs, SIGN_IN_ENGLISH, SIGN_IN_FRENCH, type TestBrowser } from '../helpers/browser.js';

/**
 * Deque's axe-core (WCAG 2.1 A and AA rules) on every screen of the admin
 * app, in Chromium (issue 13): no serious or critical violation. Each screen
 * is checked as a person sees it, with data in it, wide and in French too
 * where the texts differ in length.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations: Violation[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${v.help}`));
}

describe('accessibility of every screen (axe-core, WCAG 2.1 A and AA), in Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let userId = '';
  let orgId = '';

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    browser = await launchBrowser();
    const admin = app.as(app.admin);
    orgId = (await admin('mutation { createOrganization(input: { name: "Navy", domains: ["navy.example.org"] }) { id } }')).data.createOrganization
      .id;
    await admin('mutation { createUserField(input: { key: "plan", title: "Plan", type: TEXT }) { id } }');
    const created = await admin('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name: 'Grace Hopper', email: 'grace@navy.example.org', phone: '+1 415 555 2671', tags: ['vip'], notes: 'Prefers mornings' },
    });
    userId = created.data.createUser.user.id;
    await admin('mutation($id: ID!) { updateUser(id: $id, input: { alias: "Amazing Grace" }) { id } }', { id: userId });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signedInPage(locale: 'en' | 'fr', width = 1400): Promise<Page> {
    // Reduced motion: axe reads colours at once, and a dialog fading in is not yet at its contrast.
    const context = await browser.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, reducedMotion: 'reduce' });
    await context.addInitScript((l) => window.localStorage.setItem('accueil.locale', l), locale);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInAs(page, `${app.url}/sign-in`, ADMIN_EMAIL, ADMIN_PASSWORD, locale === 'fr' ? SIGN_IN_FRENCH : SIGN_IN_ENGLISH);
    return page;
  }

  const screens = (): { name: string; path: string; ready: string; open?: string }[] => [
    { name: 'customers', path: '/customers', ready: 'table' },
    { name: 'add customer dialog', path: '/customers', ready: 'table', open: '.page-header .button--primary, .page .button--primary' },
    { name: 'profile', path: `/users/${userId}`, ready: 'form' },
    { name: 'organizations', path: '/organizations', ready: 'table' },
    { name: 'organization', path: `/organizations/${orgId}`, ready: 'form' },
    { name: 'user fields', path: '/settings/user-fields', ready: 'table' },
    { name: 'API tokens', path: '/settings/api-tokens', ready: 'main h1' },
    { name: 'tickets', path: '/tickets', ready: 'main h1' },
    { name: 'new ticket', path: '/tickets/new', ready: 'form' },
    { name: 'imports', path: '/settings/imports', ready: 'main h1' },
    { name: 'my password', path: '/account/password', ready: 'form' },
    { name: 'outbox', path: '/settings/outbox', ready: 'main h1' },
    { name: 'webhooks', path: '/settings/webhooks', ready: 'main h1' },
    { name: 'registration settings', path: '/settings/registration', ready: 'form' },
    { name: 'team', path: '/team', ready: 'table' },
    { name: 'invite dialog', path: '/team', ready: 'table', open: '[data-invite]' },
  ];

  it('the sign-in page, the public request form and the help center', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of ['/sign-in', '/forgot-password', '/requests/new', '/help/sign-in', '/help/sign-up', '/help/reset']) {
      await page.goto(`${app.url}${path}`);
      await page.locator('form').first().waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    await context.close();
    expect(found).toEqual([]);
  });

  // One signed-in page per language; each screen is its own test (its own timeout, its name in a failure). The page is
  // reached through the app's router (as a click on a link does), so axe is injected once per language, not per screen.
  for (const locale of ['en', 'fr'] as const) {
    describe(`every admin screen, in ${locale === 'en' ? 'English' : 'French'}`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await signedInPage(locale);
        await page.evaluate(axeSource);
      });
      afterAll(async () => {
        await page?.context().close();
      });

      for (const screen of screens()) {
        it(screen.name, async () => {
          await page.keyboard.press('Escape'); // a dialog the previous screen opened
          // userId and orgId are known once beforeAll ran: the path is read now, not when the test is declared.
          const path = screens().find((s) => s.name === screen.name)!.path;
          const moving = new URL(page.url()).pathname !== path;
          // The previous screen's heading, to know when the new screen has replaced it (both may have a table).
          const heading = page.locator('main h1').first();
          const before = moving ? await heading.textContent() : null;
          await page.evaluate((to) => {
            history.pushState(null, '', to);
            window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
          }, path);
          try {
            await page.waitForURL((u) => u.pathname === path);
            if (moving) await expect.poll(() => heading.textContent()).not.toBe(before);
            await page.locator(screen.ready).first().waitFor();
            if (screen.open) {
              await page.locator(screen.open).first().click();
              await page.locator('dialog[open]').waitFor();
            }
          } catch (err) {
            throw new Error(`${screen.name} (${path}) did not show: ${(err as Error).message.split('\n')[0]}`);
          }
          expect(await seriousViolations(page)).toEqual([]);
        });
      }
    });
  }
});
