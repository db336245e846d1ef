import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { readConfig } from '../../server/config.js';

/**
 * TRUST_PROXY trusts a number of hops or the proxies' addresses, never every
 * hop: a client cannot pick the address the sign-in limits see. HSTS and
 * upgrade-insecure-requests go only over HTTPS. (The database plays no part:
 * SQLite.) The addresses in X-Forwarded-For are documentation ranges, only header text.
 */
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }';

async function signInVia(app: TestApp, forwardedFor: string | null, email = `nobody.${Date.now()}@acme.io`) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor !== null) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: SIGN_IN, variables: { e: email, p: 'wrong password here' } }),
  });
  const body = (await res.json()) as any;
  return body.errors?.[0]?.extensions?.code as string;
}

describe('TRUST_PROXY', () => {
  it('reads false, true (one hop), a number of hops, or proxy addresses and ranges; refuses anything else at start', () => {
    const trust = (v: string) => readConfig({ TRUST_PROXY: v }).trustProxy;
    expect(trust('')).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('loopback, 10.0.0.0/8 ,192.0.2.7, fd00::/8, ::1')).toEqual(['loopback', '10.0.0.0/8', '192.0.2.7', 'fd00::/8', '::1']);
    for (const bad of ['everything', '10.0.0.0/33', 'fd00::/129', '10.0.0', '11', 'loopback,nonsense', '10.0.0.0/8/8']) {
      expect(() => trust(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });

  describe.each([
    ['true (one hop)', 'true'],
    ['a number of hops', '1'],
    ['the proxy addresses', 'loopback'],
  ])('with %s', (_label, value) => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp('sqlite', { TRUST_PROXY: value, SIGN_IN_RATE_LIMIT: '3' });
    });
    afterAll(() => app?.stop());

    it('a forged first hop does not change the client address the sign-in limit sees', async () => {
      // The proxy appends the address it saw; the client made up everything before it.
      const real = '203.0.113.9';
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await signInVia(app, `10.9.8.${i}, ${real}`));
      expect(answers).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
      // Another client behind the same proxy has its own budget.
      expect(await signInVia(app, `10.9.8.1, 203.0.113.10`)).toBe('UNAUTHENTICATED');
    });
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: every forged address is the same socket', async () => {
    const app = await startTestApp('sqlite', { SIGN_IN_RATE_LIMIT: '3' });
    try {
      // The test app's own admin sign-in, from the same socket, was the first of the three.
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await signInVia(app, `203.0.113.${i}`));
      expect(answers).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    } finally {
      await app.stop();
    }
  });
});

describe('HSTS and upgrade-insecure-requests', () => {
  const headersOf = async (app: TestApp, proto?: string) => {
    const res = await fetch(`${app.url}/healthz`, { headers: proto ? { 'x-forwarded-proto': proto } : {} });
    return { hsts: res.headers.get('strict-transport-security'), csp: res.headers.get('content-security-policy') ?? '' };
  };

  it('in production behind a TLS proxy: sent over HTTPS only', async () => {
    const app = await startTestApp('sqlite', { NODE_ENV: 'production', TRUST_PROXY: 'true' });
    try {
      const plain = await headersOf(app);
      expect(plain.hsts).toBeNull();
      expect(plain.csp).not.toContain('upgrade-insecure-requests');
      expect(plain.csp).toContain("default-src 'self'");
      const https = await headersOf(app, 'https');
      expect(https.hsts).toMatch(/max-age=\d+/);
      expect(https.csp).toContain('upgrade-insecure-requests');
    } finally {
      await app.stop();
    }
  });

  it('in production without a trusted proxy, a client cannot claim HTTPS; plain HTTP gets neither', async () => {
    const app = await startTestApp('sqlite', { NODE_ENV: 'production' });
    try {
      for (const proto of [undefined, 'https']) {
        const h = await headersOf(app, proto);
        expect(h.hsts).toBeNull();
        expect(h.csp).not.toContain('upgrade-insecure-requests');
      }
    } finally {
      await app.stop();
    }
  });

  it('outside production, never', async () => {
    const app = await startTestApp('sqlite', { TRUST_PROXY: 'true' });
    try {
      const h = await headersOf(app, 'https');
      expect(h.hsts).toBeNull();
      expect(h.csp).not.toContain('upgrade-insecure-requests');
    } finally {
      await app.stop();
    }
  });
});
