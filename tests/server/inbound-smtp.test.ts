import { createServer } from 'node:net';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { readConfig } from '../../server/config.js';
import { startSmtpListener, type SmtpListener } from '../../server/inbound/smtp-listener.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { LIST_TICKETS, USER_BY_EMAIL } from '../helpers/ticket-operations.js';
import { startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-app.js';

const DESK = 'desk.accueil.test';

describe('INBOUND_SMTP_PORT and INBOUND_DOMAIN', () => {
  it('are off and a default domain unless set; wrong values stop the start naming them', () => {
    expect(readConfig({}).inboundSmtpPort).toBeNull();
    expect(readConfig({ INBOUND_SMTP_PORT: 'off' }).inboundSmtpPort).toBeNull();
    expect(readConfig({ INBOUND_SMTP_PORT: '2525' }).inboundSmtpPort).toBe(2525);
    expect(() => readConfig({ INBOUND_SMTP_PORT: '70000' })).toThrow(/INBOUND_SMTP_PORT/);
    expect(() => readConfig({ INBOUND_SMTP_PORT: 'smtp' })).toThrow(/INBOUND_SMTP_PORT/);
    expect(() => readConfig({ INBOUND_DOMAIN: 'not a domain' })).toThrow(/INBOUND_DOMAIN/);
    expect(() => readConfig({ REQUEST_RATE_LIMIT: '-1' })).toThrow(/REQUEST_RATE_LIMIT/);
  });

  it('a busy INBOUND_SMTP_PORT stops the start with one line naming it', async () => {
    const occupied = createServer().listen(0, '127.0.0.1');
    await new Promise((ok) => occupied.once('listening', ok));
    const busy = (occupied.address() as { port: number }).port;
    try {
      const dir = tempDir('accueil-smtp-');
      const ended = await startServerProcess(
        { PORT: '0', HOST: '127.0.0.1', INBOUND_SMTP_PORT: String(busy), DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, LOG_LEVEL: 'silent' },
        dir,
      ).exited(60_000);
      expect(ended.stderr.trim()).toBe(`Accueil cannot start: port ${busy} is already in use (set INBOUND_SMTP_PORT to another port).`);
      expect(ended.code).toBe(1);
    } finally {
      await new Promise((ok) => occupied.close(ok));
    }
  }, 90_000);
});

/** The SMTP listener feeds the same code as POST /inbound/email; a real SMTP client (nodemailer) talks to it. */
describe.each(testDialects())('inbound mail through the SMTP listener on %s', (dialect) => {
  let app: TestApp;
  let smtp: SmtpListener;
  let agent: Awaited<ReturnType<TestApp['person']>>;

  beforeAll(async () => {
    app = await startTestApp(dialect, { INBOUND_DOMAIN: DESK });
    agent = await app.person('AGENT');
    smtp = await startSmtpListener({
      port: 0,
      host: '127.0.0.1',
      domain: DESK,
      inbound: app.services.inbound,
      trusted: app.services.config.inboundSmtpTrusted,
      log: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await smtp?.close();
    await app?.stop();
  });

  const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });

  it('takes mail for the desk: a new ticket with its requester and CCs, then a reply as a comment', async () => {
    const from = `smtp.${Date.now()}@mail.acme.io`;
    const cc = `smtp-cc.${Date.now()}@mail.acme.io`;
    const sent = await transport().sendMail({
      from: `"Élodie Martin" <${from}>`,
      to: `help@${DESK}`,
      cc,
      subject: 'Par SMTP',
      text: 'Bonjour,\nça marche ?',
    });
    expect(sent.accepted).toEqual([`help@${DESK}`]);
    expect(sent.response).toMatch(/^250 .*created/);
    const requester = (await app.as(agent.auth)(USER_BY_EMAIL, { email: from })).data.userByEmail;
    expect(requester).toMatchObject({ name: 'Élodie Martin', createdVia: 'SELF' });
    expect((await app.as(agent.auth)(USER_BY_EMAIL, { email: cc })).data.userByEmail).toMatchObject({ createdVia: 'CC' });
    const list = await app.as(agent.auth)(LIST_TICKETS, { requesterId: requester.id });
    const id = list.data.tickets.edges[0].node.id;
    expect(list.data.tickets.edges[0].node.subject).toBe('Par SMTP');
    const reply = await transport().sendMail({
      from: cc,
      to: `help@${DESK}`,
      subject: 'Re: Par SMTP',
      text: 'Oui',
      inReplyTo: `<ticket-${id}@${DESK}>`,
    });
    expect(reply.response).toMatch(/commented/);
  });

  it('refuses other domains (no relay) and takes nothing from auto-replies', async () => {
    await expect(transport().sendMail({ from: 'x@mail.acme.io', to: 'someone@elsewhere.example', subject: 's', text: 't' })).rejects.toMatchObject({
      responseCode: 550,
    });
    const from = `auto.${Date.now()}@mail.acme.io`;
    const r = await transport().sendMail({ from, to: `help@${DESK}`, subject: 'Absent', text: 'x', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect(r.response).toMatch(/ignored/);
    expect((await app.as(agent.auth)(USER_BY_EMAIL, { email: from })).data.userByEmail).toBeNull();
  });
});
