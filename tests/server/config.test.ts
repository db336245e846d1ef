import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { ConfigError, readConfig } from '../../server/config.js';
import { connectMysql } from '../../server/db/data-source.js';
import { describeDatabaseError } from '../../server/startup-errors.js';
import { mysqlBaseUrl, testDialects } from '../helpers/databases.js';

// Every variable the server reads is checked at start; a wrong value is one line naming it.

describe('readConfig', () => {
  it('has working defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 4000, host: '0.0.0.0', databaseUrl: 'sqlite:./data/accueil.sqlite', logLevel: 'info', production: false });
    expect(c.dnsServers).toEqual([]);
    expect(c.dnsCanary).toBe('gmail.com');
    // The door's answers wait 150 ms by default; 0 turns the floor off.
    expect(c.doorAnswerMs).toBe(150);
    expect(readConfig({ DOOR_ANSWER_MS: ' 0 ' }).doorAnswerMs).toBe(0);
    expect(readConfig({ DOOR_ANSWER_MS: '400' }).doorAnswerMs).toBe(400);
    // No receiving server is trusted until one is named: no inbound mail is ever taken as staff's.
    expect(c.inboundAuthservId).toBeNull();
    expect(readConfig({ INBOUND_AUTHSERV_ID: '  ' }).inboundAuthservId).toBeNull();
    expect(readConfig({ INBOUND_AUTHSERV_ID: ' mx.acme.io ' }).inboundAuthservId).toBe('mx.acme.io');
    // The SMTP clients that vouch for a sender: this machine by default, else the networks listed.
    const local = readConfig({}).inboundSmtpTrusted;
    expect([local.check('127.0.0.1', 'ipv4'), local.check('::1', 'ipv6'), local.check('10.0.0.5', 'ipv4')]).toEqual([true, true, false]);
    const mx = readConfig({ INBOUND_SMTP_TRUSTED: ' 10.0.0.0/8, 2001:db8::25 ' }).inboundSmtpTrusted;
    expect([mx.check('10.1.2.3', 'ipv4'), mx.check('2001:db8::25', 'ipv6'), mx.check('127.0.0.1', 'ipv4')]).toEqual([true, true, false]);
  });

  it('takes good values', () => {
    const c = readConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'mysql://u:p%40ss@db.example.org:3307/accueil?poolSize=5',
      LOG_LEVEL: 'WARN',
      NODE_ENV: 'production',
      DEFAULT_PHONE_COUNTRY: 'fr',
      ADMIN_EMAIL: 'boss@acme.io',
      DNS_SERVERS: '127.0.0.1:5353, [::1]:53',
      EMAIL_DOMAIN_CHECK_CANARY: 'bücher.de',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'warn',
      production: true,
      defaultPhoneCountry: 'FR',
      adminEmail: 'boss@acme.io',
    });
    expect(c.dnsServers).toEqual(['127.0.0.1:5353', '[::1]:53']);
    expect(readConfig({ HOST: 'localhost' }).host).toBe('localhost');
    expect(readConfig({ HOST: '::' }).host).toBe('::');
    expect(readConfig({ DATABASE_URL: 'sqlite:/var/lib/accueil/db.sqlite' }).databaseUrl).toBe('sqlite:/var/lib/accueil/db.sqlite');
  });

  it('reads the outgoing mail settings', () => {
    const d = readConfig({});
    expect(d).toMatchObject({ mailUrl: undefined, outboxWorker: true, emailDomainCheck: true, emailDomainBlock: false });
    expect(d.mailRetrySeconds[0]).toBeLessThanOrEqual(10);
    const c = readConfig({
      MAIL_URL: 'smtps://user:p%40ss@mail.acme.io:465',
      MAIL_FROM: 'Acme Support <support@acme.io>',
      MAIL_RETRY_SECONDS: '1, 2.5,10',
      EMAIL_DOMAIN_CHECK: 'block',
    });
    expect(c).toMatchObject({
      mailUrl: 'smtps://user:p%40ss@mail.acme.io:465',
      mailFrom: 'Acme Support <support@acme.io>',
      mailRetrySeconds: [1, 2.5, 10],
    });
    expect(c).toMatchObject({ emailDomainCheck: true, emailDomainBlock: true });
    expect(readConfig({ EMAIL_DOMAIN_CHECK: 'off' })).toMatchObject({ emailDomainCheck: false, emailDomainBlock: false });
    expect(readConfig({ EMAIL_DOMAIN_CHECK: 'dns' })).toMatchObject({ emailDomainCheck: true, emailDomainBlock: false });
    expect(readConfig({ MAIL_FROM: 'desk@acme.io' }).mailFrom).toBe('desk@acme.io');
  });

  it.each([
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"\.$/],
    ['LOG_LEVEL', 'warning', /^LOG_LEVEL must be one of/],
    ['PORT', '70000', /^PORT must be a whole number from 0 to 65535/],
    ['PORT', '4000abc', /^PORT must be a whole number/],
    ['PORT', '0x10', /^PORT must be a whole number/],
    ['PORT', '1e3', /^PORT must be a whole number/],
    ['HOST', 'my host', /^HOST must be an IP address or a host name/],
    ['HOST', 'http://localhost', /^HOST must be an IP address or a host name/],
    ['DATABASE_URL', 'postgres://x/y', /^DATABASE_URL must start with mysql:\/\/ \(or mariadb:\/\/\) or sqlite:/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1:3306', /^DATABASE_URL must name a database/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1:3306/', /^DATABASE_URL must name a database/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1:99999/accueil', /^DATABASE_URL is not a valid URL/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1/accueil?poolSize=none', /^DATABASE_URL poolSize must be a whole number from 1 to 1000/],
    ['DATABASE_URL', 'mysql://root@127.0.0.1/accueil?poolsize=5', /^DATABASE_URL takes the options poolSize and socket, not "poolsize"/],
    ['DATABASE_URL', 'mysql://root@localhost/accueil?socket=mysqld.sock', /^DATABASE_URL socket must be the absolute path/],
    ['NODE_ENV', 'prod', /^NODE_ENV must be production, development or test/],
    ['DEFAULT_PHONE_COUNTRY', 'France', /^DEFAULT_PHONE_COUNTRY must be a two-letter country code/],
    ['DEFAULT_PHONE_COUNTRY', 'ZZ', /^DEFAULT_PHONE_COUNTRY must be a two-letter country code/],
    ['STATIC_DIR', '/nonexistent/accueil-client', /^STATIC_DIR "\/nonexistent\/accueil-client" holds no index\.html/],
    ['ADMIN_EMAIL', 'boss at acme', /^ADMIN_EMAIL is not a valid address/],
    ['ADMIN_PASSWORD', 'short', /^ADMIN_PASSWORD: A password needs at least 12 characters/],
    ['GRAPHQL_INTROSPECTION', 'maybe', /^GRAPHQL_INTROSPECTION must be true or false/],
    ['SESSION_IDLE_MINUTES', '0', /^SESSION_IDLE_MINUTES must be a whole number from 1/],
    ['SESSION_MAX_HOURS', '-1', /^SESSION_MAX_HOURS must be a whole number/],
    ['SIGN_IN_RATE_LIMIT', 'lots', /^SIGN_IN_RATE_LIMIT must be a whole number/],
    ['API_RATE_LIMIT', '1.5', /^API_RATE_LIMIT must be a whole number/],
    ['GRAPHQL_MAX_DEPTH', '0', /^GRAPHQL_MAX_DEPTH must be a whole number from 1/],
    ['GRAPHQL_MAX_COST', 'x', /^GRAPHQL_MAX_COST must be a whole number/],
    ['GRAPHQL_MAX_ALIASES', '-3', /^GRAPHQL_MAX_ALIASES must be a whole number/],
    ['GRAPHQL_MAX_TOKENS', '0', /^GRAPHQL_MAX_TOKENS must be a whole number from 1/],
    ['EMAIL_DOMAIN_CHECK', 'mx', /^EMAIL_DOMAIN_CHECK must be warn, block or off/],
    ['MAIL_URL', 'http://mail.acme.io', /^MAIL_URL must be written smtp:\/\/host:587.*must start with smtp:\/\//],
    ['MAIL_URL', 'smtp://', /^MAIL_URL must be written smtp:\/\/host:587/],
    ['MAIL_URL', 'smtp://mail.acme.io/path', /^MAIL_URL .*takes no path/],
    ['MAIL_FROM', 'not an address', /^MAIL_FROM must be an address/],
    ['INBOUND_AUTHSERV_ID', 'mx.acme.io; dkim=pass', /^INBOUND_AUTHSERV_ID must be the authserv-id/],
    ['INBOUND_AUTHSERV_ID', 'two words', /^INBOUND_AUTHSERV_ID must be the authserv-id/],
    ['INBOUND_SMTP_TRUSTED', 'mx.acme.io', /^INBOUND_SMTP_TRUSTED must list IP addresses or networks/],
    ['INBOUND_SMTP_TRUSTED', '10.0.0.0/33', /^INBOUND_SMTP_TRUSTED must list IP addresses or networks/],
    ['INBOUND_SMTP_TRUSTED', '10.0.0.1/8/2', /^INBOUND_SMTP_TRUSTED must list IP addresses or networks/],
    ['MAIL_FROM', 'Desk <desk@>', /^MAIL_FROM must be an address/],
    ['MAIL_RETRY_SECONDS', '5,soon', /^MAIL_RETRY_SECONDS must be up to 20 waits/],
    ['MAIL_RETRY_SECONDS', '-5', /^MAIL_RETRY_SECONDS must be up to 20 waits/],
    ['OUTBOX_WORKER', 'maybe', /^OUTBOX_WORKER must be true or false/],
    ['OUTBOX_POLL_MS', '10', /^OUTBOX_POLL_MS must be a whole number from 50/],
    ['OUTBOX_LEASE_SECONDS', '0', /^OUTBOX_LEASE_SECONDS must be a whole number from 1/],
    ['MAIL_TIMEOUT_SECONDS', 'x', /^MAIL_TIMEOUT_SECONDS must be a whole number/],
    ['WEBHOOK_ALLOW_PRIVATE', 'sometimes', /^WEBHOOK_ALLOW_PRIVATE must be true or false/],
    ['WEBHOOK_TIMEOUT_MS', '50', /^WEBHOOK_TIMEOUT_MS must be a whole number from 100 to 120000/],
    ['WEBHOOK_TIMEOUT_MS', '1s', /^WEBHOOK_TIMEOUT_MS must be a whole number/],
    ['WEBHOOK_RETRY_SECONDS', '5,later', /^WEBHOOK_RETRY_SECONDS must be up to 20 waits/],
    ['WEBHOOK_RETRY_SECONDS', '86401', /^WEBHOOK_RETRY_SECONDS must be up to 20 waits/],
    ['DNS_SERVERS', 'dns.google', /^DNS_SERVERS must be IP addresses with an optional port/],
    ['DNS_SERVERS', '127.0.0.1:99999', /^DNS_SERVERS must be IP addresses/],
    ['EMAIL_DOMAIN_CHECK_CANARY', 'localhost', /^EMAIL_DOMAIN_CHECK_CANARY must be a domain name/],
    ['EMAIL_DOMAIN_CHECK_CANARY', 'not a domain', /^EMAIL_DOMAIN_CHECK_CANARY must be a domain name/],
    ['DOOR_ANSWER_MS', '-1', /^DOOR_ANSWER_MS must be a whole number from 0 to 10000, not "-1"\.$/],
    ['DOOR_ANSWER_MS', '150ms', /^DOOR_ANSWER_MS must be a whole number from 0 to 10000/],
    ['DOOR_ANSWER_MS', '0.5', /^DOOR_ANSWER_MS must be a whole number from 0 to 10000/],
    ['DOOR_ANSWER_MS', '10001', /^DOOR_ANSWER_MS must be a whole number from 0 to 10000/],
  ])('refuses %s=%s in one line naming it', (name, value, message) => {
    let error: unknown;
    try {
      readConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('reads the webhook settings: private addresses refused by default', () => {
    expect(readConfig({})).toMatchObject({ webhookAllowPrivate: false, webhookTimeoutMs: 10_000 });
    expect(readConfig({}).webhookRetrySeconds[0]).toBeLessThanOrEqual(10);
    expect(readConfig({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '2500', WEBHOOK_RETRY_SECONDS: '1,5, 30' })).toMatchObject({
      webhookAllowPrivate: true,
      webhookTimeoutMs: 2500,
      webhookRetrySeconds: [1, 5, 30],
    });
  });

  it('never prints the database password', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://root:s3cret@127.0.0.1:3306' })).toThrow(ConfigError);
    try {
      readConfig({ DATABASE_URL: 'mysql://root:s3cret@127.0.0.1:3306' });
    } catch (e) {
      expect((e as Error).message).not.toContain('s3cret');
    }
  });
});

describe.runIf(testDialects().includes('mysql'))('DATABASE_URL with ?socket= (MySQL on the same machine)', () => {
  it('reaches MySQL through its Unix socket, and names a socket that is not there', async () => {
    const tcp = await connectMysql(`${mysqlBaseUrl}/x`);
    const [[{ socket }]] = (await tcp.query('SELECT @@socket AS socket')) as unknown as [[{ socket: string }]];
    await tcp.end();
    expect(existsSync(socket), `${socket}: the test MySQL server runs on this machine`).toBe(true);
    // The host of the URL is ignored: an address that refuses connections proves the socket was used.
    const url = `mysql://root@127.0.0.1:1/x?socket=${encodeURIComponent(socket)}`;
    expect(readConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    const conn = await connectMysql(url);
    const [[row]] = (await conn.query('SELECT 1 + 1 AS two')) as unknown as [[{ two: number }]];
    await conn.end();
    expect(row.two).toBe(2);

    const missing = 'mysql://root@localhost/x?socket=/nonexistent/mysqld.sock';
    const err = await connectMysql(missing).then(
      () => null,
      (e: unknown) => e,
    );
    expect(await describeDatabaseError(err, missing)).toBe(
      'cannot reach MySQL at the socket /nonexistent/mysqld.sock: no such socket (is the server running, and is that its socket?).',
    );
  });
});
