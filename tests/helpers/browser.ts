import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides.
 * `npm test` installs nothing: `.ci/run` installs it on a fresh machine.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const install = 'install it with `apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium binary';
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`Chromium is missing: CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist; ${install}.`);
    return env.CHROMIUM_PATH;
  }
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium is missing (the end-to-end tests need it): ${install}.`);
  return found;
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      // playwright-core gives each launch a fresh, temporary profile and removes it.
      await browser.close();
    },
  };
}

/** Where screenshots of a run go (ignored by git), for people to look at. */
export function screenshotPath(name: string): string {
  const dir = resolve(import.meta.dirname, '../e2e/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/** The sign-in page's labels, in the language it shows (English unless a test sets another). */
export interface SignInTexts {
  email: string;
  password: string;
  submit: string;
}
export const SIGN_IN_ENGLISH: SignInTexts = { email: 'Email', password: 'Password', submit: 'Sign in' };
export const SIGN_IN_FRENCH: SignInTexts = { email: 'E-mail', password: 'Mot de passe', submit: 'Se connecter' };

/** On the sign-in page: types the address and the password into the fields so labelled, and submits. */
export async function submitSignIn(page: Page, email: string, password: string, texts: SignInTexts = SIGN_IN_ENGLISH): Promise<void> {
  await page.getByLabel(texts.email).fill(email);
  await page.getByLabel(texts.password).fill(password);
  await page.getByRole('button', { name: texts.submit }).click();
}

/**
 * Opens `url`, a page of the admin app, signed out: the app sends to the sign-in page; signs in
 * there and waits until the app shows the page asked for (Customers for the app's root; any page
 * but the sign-in one for /sign-in itself).
 */
export async function signInAs(page: Page, url: string, email: string, password: string, texts: SignInTexts = SIGN_IN_ENGLISH): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/sign-in/);
  await submitSignIn(page, email, password, texts);
  const asked = new URL(url).pathname;
  await page.waitForURL((u) => {
    if (asked.startsWith('/sign-in')) return !u.pathname.startsWith('/sign-in');
    return u.pathname === (asked === '/' ? '/customers' : asked);
  });
}
