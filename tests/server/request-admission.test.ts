import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { Ticket } from '../../server/tickets/ticket.entity.js';
import { CreatedVia } from '../../server/users/role.js';
import { SYSTEM_ACTOR } from '../../server/auth/viewer.js';

type Access = 'ANYONE' | 'REGISTERED' | 'CLOSED' | 'RESTRICTED';
/** `suspended`: added by the team, verified, then suspended; `self-suspended`: made by its owner, then suspended. */
type Sender = 'new' | 'team' | 'team-verified' | 'self' | 'suspended' | 'self-suspended';
/** What became of a request: a ticket (worked, or held), or nothing. */
type Outcome = 'TICKET' | 'SUSPENDED' | 'UNVERIFIED' | 'NONE';

const DESK = 'desk.accueil.test';
const ALLOW = ['allowed.io', 'both.io', 'vip@plain.io'];
const BLOCK = ['reject:rej.io', 'suspend:sus.io', 'plain.io', 'reject:both.io', 'reject:bad@addr.io'];

/** Every requestAccess against the allow and block lists and the kinds of sender. */
/** `web`: the web form's outcome when it differs (signed out, a known account's address is only typed: proven first where the account admits it). */
const CASES: {
  access: Access;
  star?: boolean;
  verification?: boolean;
  local?: string;
  domain: string;
  sender: Sender;
  expect: Outcome;
  web?: Outcome;
}[] = [
  { access: 'ANYONE', domain: 'other.io', sender: 'new', expect: 'TICKET' },
  { access: 'ANYONE', domain: 'other.io', sender: 'team-verified', expect: 'TICKET' },
  { access: 'ANYONE', domain: 'other.io', sender: 'self', expect: 'TICKET' },
  { access: 'ANYONE', domain: 'rej.io', sender: 'new', expect: 'NONE' },
  { access: 'ANYONE', domain: 'rej.io', sender: 'team', expect: 'NONE' },
  { access: 'ANYONE', local: 'bad', domain: 'addr.io', sender: 'new', expect: 'NONE' },
  { access: 'ANYONE', local: 'good', domain: 'addr.io', sender: 'new', expect: 'TICKET' },
  { access: 'ANYONE', domain: 'sus.io', sender: 'new', expect: 'SUSPENDED' },
  { access: 'ANYONE', domain: 'plain.io', sender: 'new', expect: 'SUSPENDED' },
  { access: 'ANYONE', local: 'vip', domain: 'plain.io', sender: 'new', expect: 'TICKET' },
  { access: 'ANYONE', domain: 'both.io', sender: 'new', expect: 'TICKET' },
  { access: 'ANYONE', star: true, domain: 'other.io', sender: 'new', expect: 'SUSPENDED' },
  { access: 'ANYONE', star: true, domain: 'other.io', sender: 'team', expect: 'SUSPENDED' },
  { access: 'ANYONE', star: true, domain: 'allowed.io', sender: 'new', expect: 'TICKET' },
  { access: 'ANYONE', star: true, domain: 'org.io', sender: 'new', expect: 'TICKET' },
  { access: 'CLOSED', domain: 'other.io', sender: 'new', expect: 'NONE' },
  { access: 'CLOSED', domain: 'other.io', sender: 'self', expect: 'NONE' },
  { access: 'CLOSED', domain: 'allowed.io', sender: 'new', expect: 'NONE' },
  { access: 'CLOSED', domain: 'other.io', sender: 'team', expect: 'TICKET', web: 'UNVERIFIED' },
  { access: 'CLOSED', domain: 'sus.io', sender: 'team', expect: 'SUSPENDED' },
  { access: 'CLOSED', domain: 'rej.io', sender: 'team', expect: 'NONE' },
  { access: 'RESTRICTED', domain: 'allowed.io', sender: 'new', expect: 'TICKET' },
  { access: 'RESTRICTED', domain: 'allowed.io', sender: 'team', expect: 'TICKET' },
  { access: 'RESTRICTED', domain: 'org.io', sender: 'new', expect: 'TICKET' },
  { access: 'RESTRICTED', domain: 'other.io', sender: 'new', expect: 'NONE' },
  { access: 'RESTRICTED', domain: 'other.io', sender: 'self', expect: 'NONE' },
  { access: 'RESTRICTED', domain: 'other.io', sender: 'team', expect: 'TICKET', web: 'UNVERIFIED' },
  { access: 'RESTRICTED', star: true, domain: 'allowed.io', sender: 'new', expect: 'TICKET' },
  { access: 'RESTRICTED', domain: 'sus.io', sender: 'new', expect: 'NONE' },
  { access: 'REGISTERED', domain: 'other.io', sender: 'new', expect: 'UNVERIFIED' },
  { access: 'REGISTERED', domain: 'other.io', sender: 'self', expect: 'UNVERIFIED' },
  { access: 'REGISTERED', domain: 'other.io', sender: 'team', expect: 'UNVERIFIED' },
  { access: 'REGISTERED', domain: 'other.io', sender: 'team', verification: false, expect: 'TICKET', web: 'UNVERIFIED' },
  { access: 'REGISTERED', domain: 'other.io', sender: 'team-verified', expect: 'TICKET', web: 'UNVERIFIED' },
  { access: 'REGISTERED', domain: 'allowed.io', sender: 'new', expect: 'UNVERIFIED' },
  { access: 'REGISTERED', domain: 'sus.io', sender: 'new', expect: 'SUSPENDED' },
  { access: 'REGISTERED', domain: 'rej.io', sender: 'new', expect: 'NONE' },
  // A suspended account's request is held (Zendesk: suspended users' tickets are suspended), whatever the lists allow,
  // where the rules take it at all; never a verification mail.
  { access: 'ANYONE', domain: 'other.io', sender: 'suspended', expect: 'SUSPENDED' },
  { access: 'ANYONE', domain: 'other.io', sender: 'self-suspended', expect: 'SUSPENDED' },
  { access: 'ANYONE', domain: 'allowed.io', sender: 'suspended', expect: 'SUSPENDED' },
  { access: 'ANYONE', domain: 'org.io', sender: 'suspended', expect: 'SUSPENDED' },
  { access: 'ANYONE', domain: 'rej.io', sender: 'suspended', expect: 'NONE' },
  { access: 'CLOSED', domain: 'other.io', sender: 'suspended', expect: 'SUSPENDED' },
  { access: 'CLOSED', domain: 'other.io', sender: 'self-suspended', expect: 'NONE' },
  { access: 'RESTRICTED', domain: 'other.io', sender: 'suspended', expect: 'SUSPENDED' },
  { access: 'RESTRICTED', domain: 'other.io', sender: 'self-suspended', expect: 'NONE' },
  { access: 'REGISTERED', domain: 'other.io', sender: 'suspended', expect: 'SUSPENDED' },
  { access: 'REGISTERED', domain: 'other.io', sender: 'self-suspended', expect: 'SUSPENDED' },
];

/** What a sign-up gives for the outcome a request would have (`existed`: the address had an account before). */
function signUpExpectation(c: (typeof CASES)[number], existed: boolean): 'FORBIDDEN' | 'NONE' | 'WELCOME' | 'RESET' | 'HELD' {
  if (c.access === 'CLOSED') return 'FORBIDDEN';
  if (c.expect === 'NONE') return 'NONE';
  if (c.expect === 'SUSPENDED') return existed ? 'NONE' : 'HELD';
  return existed ? 'RESET' : 'WELCOME';
}

const PATHS = ['WEB_FORM', 'EMAIL'] as const;

/** Admission (server/tickets/request-admission.ts) on every request path: the web form, mail to the desk, sign-up. */
describe.each(testDialects())('who may submit requests on %s', (dialect) => {
  let app: TestApp;
  let inboundToken: string;
  let seq = 0;
  let client = 0;

  beforeAll(async () => {
    app = await startTestApp(dialect, { INBOUND_DOMAIN: DESK, REQUEST_RATE_LIMIT: '0' });
    inboundToken = (await app.token(['INBOUND'], 'mail provider')).auth.token;
    const org = await app.as(app.admin)('mutation { createOrganization(input: { name: "Org", domains: ["org.io"] }) { id } }');
    expect(org.errors).toBeUndefined();
  });
  afterAll(() => app?.stop());

  const configure = async (c: (typeof CASES)[number]) => {
    const r = await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', {
      i: { requestAccess: c.access, requireVerification: c.verification ?? true, allowList: ALLOW, blockList: c.star ? [...BLOCK, '*'] : BLOCK },
    });
    expect(r.errors).toBeUndefined();
  };

  /** The sender's address, with an account of the kind the case names. */
  const sender = async (c: (typeof CASES)[number]): Promise<string> => {
    // Named addresses (bad@addr.io on the block list) are the same each time: their tickets are told apart by id.
    const address = c.local ? `${c.local}@${c.domain}` : `p${++seq}@${c.domain}`;
    if (c.local && (await userOf(address))) return address;
    if (c.sender === 'team' || c.sender === 'team-verified' || c.sender === 'suspended') {
      const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { name: 'Team Added', email: address, verified: c.sender !== 'team' },
      });
      expect(r.errors).toBeUndefined();
    }
    if (c.sender === 'self' || c.sender === 'self-suspended') {
      const email2 = await app.services.users.checkEmail(address, 'email');
      await app.db.transaction((m) =>
        app.services.users.findOrCreateByEmail(m, { email: email2, name: 'Self Made' }, { via: CreatedVia.SELF }, SYSTEM_ACTOR),
      );
    }
    if (c.sender === 'suspended' || c.sender === 'self-suspended') {
      const id = (await userOf(address))!.id;
      const r = await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { suspended: true }) { suspended } }', { id: String(id) });
      expect(r.data?.updateUser).toEqual({ suspended: true });
    }
    return address;
  };

  const userOf = async (address: string) => app.services.users.findByEmail(address);
  const mailsTo = (address: string) => app.db.manager.find(OutboxMessage, { where: { recipient: address }, order: { id: 'ASC' } });
  const ticketsOf = async (address: string) => {
    const user = await userOf(address);
    return user ? app.db.manager.find(Ticket, { where: { requesterId: user.id } }) : [];
  };
  /** The ticket a request made (none, or one after `before`). */
  const outcome = async (address: string, before: number[]): Promise<Outcome> => {
    const made = (await ticketsOf(address)).filter((t) => !before.includes(t.id));
    if (made.length === 0) return 'NONE';
    expect(made).toHaveLength(1);
    return made[0].held ?? 'TICKET';
  };

  const submit = async (path: (typeof PATHS)[number], address: string) => {
    if (path === 'WEB_FORM') {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { received } }',
          variables: { i: { name: 'Someone', email: address, subject: 'Help', description: 'Please.' } },
        }),
      });
      // Every well-formed request gets the same answer, whatever rule applied.
      expect(await res.json()).toEqual({ data: { submitRequest: { received: true } } });
      return;
    }
    const raw = await new MailComposer({ from: address, to: `help@${DESK}`, subject: 'Help', text: 'Please.' }).compile().build();
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inboundToken}` },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(200);
  };

  for (const path of PATHS) {
    it(`${path}: every access setting against the lists and the kinds of sender`, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const c of CASES) {
        await configure(c);
        const address = await sender(c);
        const before = (await ticketsOf(address)).map((t) => t.id);
        const mailsBefore = (await mailsTo(address)).length;
        await submit(path, address);
        const got = await outcome(address, before);
        const label = `${c.access}${c.star ? '+*' : ''}${c.verification === false ? ' (no verification)' : ''} ${c.sender} ${c.local ?? ''}@${c.domain}`;
        seen.push(`${label}: ${got}`);
        wanted.push(`${label}: ${path === 'WEB_FORM' ? (c.web ?? c.expect) : c.expect}`);
        // A request that waits for its sender's verification mails them a link, and only then.
        const verifications = (await mailsTo(address)).slice(mailsBefore).filter((mail) => mail.kind === 'VERIFICATION');
        expect(verifications.length, label).toBe(got === 'UNVERIFIED' ? 1 : 0);
        // Held for review or refused: nothing at all is mailed (no acknowledgment either).
        if (got === 'SUSPENDED' || got === 'NONE') expect((await mailsTo(address)).slice(mailsBefore), label).toEqual([]);
        if (got === 'UNVERIFIED') expect(verifications[0].textBody).toMatch(/\/verify\/\d+\.VERIFY\.\d+\.[\w-]{43}\n/);
        if (c.expect === 'NONE' && c.sender === 'new') expect(await userOf(address), label).toBeNull();
      }
      expect(seen).toEqual(wanted);
    });
  }

  it('SIGN_UP: the same rules, and the same answer whatever happened', async () => {
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const c of CASES) {
      await configure(c);
      const address = await sender(c);
      const before = await userOf(address);
      const mailsBefore = (await mailsTo(address)).length;
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++client % 250}` },
        body: JSON.stringify({
          query: 'mutation($i: SignUpInput!) { signUp(input: $i) { received } }',
          variables: { i: { name: 'Visitor', email: address } },
        }),
      });
      const body = (await res.json()) as any;
      const after = await userOf(address);
      const kinds = (await mailsTo(address)).slice(mailsBefore).map((m) => m.kind);
      const got =
        body.errors?.[0].extensions.code === 'FORBIDDEN'
          ? 'FORBIDDEN'
          : !after
            ? 'NONE'
            : kinds.includes('WELCOME')
              ? 'WELCOME'
              : kinds.includes('PASSWORD_RESET')
                ? 'RESET'
                : before
                  ? 'NONE'
                  : 'HELD';
      if (got !== 'FORBIDDEN') expect(body).toEqual({ data: { signUp: { received: true } } });
      const label = `${c.access}${c.star ? '+*' : ''} ${c.sender} ${c.local ?? ''}@${c.domain}`;
      seen.push(`${label}: ${got}`);
      wanted.push(`${label}: ${signUpExpectation(c, before !== null)}`);
      if (got === 'WELCOME') expect(after).toMatchObject({ createdVia: 'SELF', verified: false });
    }
    expect(seen).toEqual(wanted);
  });
});
