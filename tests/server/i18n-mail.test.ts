import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.js';
import { eventually, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ADD_COMMENT, CREATE_TICKET } from '../helpers/ticket-operations.js';

const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';
const RESEND = 'mutation($id: ID!) { resendVerification(userId: $id) }';

/** The door's mails (verification, password reset) in the recipient's language, received by a real SMTP server. */
describe.each(testDialects())('mails in the recipient’s language on %s', (dialect) => {
  let app: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestApp(dialect, {
      PUBLIC_URL: 'https://help.acme.io/',
      MAIL_URL: smtp.url,
      MAIL_FROM: 'Acme Help <help@mail.acme.io>',
      OUTBOX_POLL_MS: '100',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
  });

  const received = (to: string) =>
    eventually(
      () => smtp.received.filter((m) => m.to.includes(to)),
      (l) => l.length >= 1,
    );

  async function verificationFor(name: string, email: string, locale: string | null, headers: Record<string, string> = {}) {
    const created = await app.gql(CREATE_USER, { i: { name, email, locale } });
    expect(created.errors).toBeUndefined();
    // The asker's language does not matter: the mail is the recipient's.
    const r = await app.as(app.admin)(RESEND, { id: created.data.createUser.user.id }, headers);
    expect(r.data?.resendVerification).toBe(true);
    return (await received(email))[0];
  }

  it('writes a verification to someone whose locale is French (fr-CA) in French', async () => {
    const mail = await verificationFor('Zoé Martin', 'zoe.martin@mail.acme.io', 'fr-CA', { 'accueil-language': 'en' });
    expect(mail.subject).toBe('Confirmez votre adresse pour Accueil');
    expect(mail.text).toContain('Bonjour Zoé Martin,');
    expect(mail.text).toContain('choisir un mot de passe pour Accueil\u00a0:');
    expect(mail.text).toMatch(/https:\/\/help\.acme\.io\/verify\/\S+/);
    expect(mail.text).toContain('Le lien est valable 3 jours.');
  });

  it('writes in English to someone in English, with no locale, or in a language the server does not write', async () => {
    for (const [i, locale] of (['en-GB', null, 'de'] as const).entries()) {
      const mail = await verificationFor(`Person ${i}`, `person.${i}@mail.acme.io`, locale, { 'accueil-language': 'fr' });
      expect(mail.subject).toBe('Confirm your address for Accueil');
      expect(mail.text).toContain(`Hello Person ${i},`);
    }
  });

  it('frames an agent’s public comment with the reply lines in each recipient’s language (the one a reply is cut at first)', async () => {
    const fr = await app.gql(CREATE_USER, { i: { name: 'Léa', email: 'lea@mail.acme.io', locale: 'fr' } });
    const agent = await app.person('AGENT');
    const t = await app.as(agent.auth)(CREATE_TICKET, {
      input: { subject: 'Colis', comment: 'Par téléphone', requester: { id: fr.data.createUser.user.id }, ccs: [{ email: 'sam@mail.acme.io' }] },
    });
    expect(t.errors).toBeUndefined();
    const ticketId = t.data.createTicket.ticket.id;
    expect((await app.as(agent.auth)(ADD_COMMENT, { ticketId, input: { body: 'C’est envoyé.' } })).errors).toBeUndefined();
    const [french] = await received('lea@mail.acme.io');
    const [english] = await received('sam@mail.acme.io');
    expect(french.text).toContain(`C’est envoyé.\n\n--\nRépondez à cet e-mail pour répondre à la demande n° ${ticketId}.`);
    expect(english.text).toContain(`--\nReply to this email to answer on request #${ticketId}.`);
    expect(french.text.startsWith('##- Veuillez écrire votre réponse au-dessus de cette ligne -##\n\nC’est envoyé.')).toBe(true);
    expect(english.text.startsWith('##- Please type your reply above this line -##\n\nC’est envoyé.')).toBe(true);
  });
});
