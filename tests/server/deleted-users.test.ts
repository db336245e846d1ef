import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { SYSTEM_ACTOR } from '../../server/auth/viewer.js';
import { sqlDate } from '../../server/db/sql.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { OutboxMessage } from '../../server/outbox/outbox-message.entity.js';
import { Ticket, TicketComment } from '../../server/tickets/ticket.entity.js';

// Issue 13: deleting an end user can be undone (Deleted customers, restoreUser), and erasing one
// (eraseUser, or the purge after the retention period) leaves no personal data anywhere.

const DELETE = 'mutation($id: ID!) { deleteUser(id: $id) }';
const RESTORE = 'mutation($id: ID!) { restoreUser(id: $id) { id name email phone tags externalId notes fields { key value } } }';
const ERASE = 'mutation($id: ID!) { eraseUser(id: $id) }';
const DELETED =
  'query($first: Int, $after: String) { deletedUsers(first: $first, after: $after) { totalCount edges { cursor node { id name email phone deletedAt eraseAfter deletedBy { id name } } } pageInfo { hasNextPage endCursor } } }';
const USER = 'query($id: ID!) { user(id: $id) { id name email tags } }';
const SEARCH = 'query($q: String) { users(query: $q) { totalCount } }';
const DAY = 86_400_000;
const DESK = 'desk.zeb.test';

describe.each(testDialects())('deleted customers, on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let fieldKey: string;
  let inboundToken: string;
  let seq = 0;

  beforeAll(async () => {
    app = await startTestApp(dialect, { DELETED_USERS_PURGE_SECONDS: '1', REQUEST_RATE_LIMIT: '0', INBOUND_DOMAIN: DESK });
    inboundToken = (await app.token(['INBOUND'], 'mail provider')).auth.token;
    agent = await app.person('AGENT', 'Desk Agent');
    fieldKey = `loyalty_${Date.now() % 100000}`;
    const f = await app.as(app.admin)('mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { key } }', {
      i: { key: fieldKey, title: 'Loyalty', type: 'TEXT' },
    });
    expect(f.errors).toBeUndefined();
  });
  afterAll(() => app.stop());

  /** An end user with a password and a session, and every kind of personal data. */
  async function customer() {
    const n = ++seq;
    const person = await app.person('END_USER', `Zebulon Quarrington${n}`);
    const r = await app.gql('mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }', {
      id: person.id,
      i: {
        phone: `+1415555${String(2600 + n).padStart(4, '0')}`,
        tags: [`vipzeb${n}`],
        externalId: `EXTZEB${n}`,
        alias: `Zebby${n}`,
        notes: `Secret note about Quarrington${n}`,
        details: `Lives at 12 Quarrington Lane ${n}`,
        fields: [{ key: fieldKey, value: `gold-quarrington${n}` }],
      },
    });
    expect(r.errors).toBeUndefined();
    return { ...person, name: `Zebulon Quarrington${n}`, n };
  }

  const ok = <T = any>(r: { data?: any; errors?: unknown }): T => {
    expect(r.errors).toBeUndefined();
    return r.data as T;
  };

  it('moves a deleted end user to Deleted customers: out of lists, searches and sign-in, addresses kept', async () => {
    const c = await customer();
    expect(ok(await app.as(agent.auth)(DELETE, { id: c.id })).deleteUser).toBe(true);
    expect(ok(await app.gql(USER, { id: c.id })).user).toBeNull();
    expect(ok(await app.gql(SEARCH, { q: c.name })).users.totalCount).toBe(0);
    expect(ok(await app.gql('query($e: String!) { userByEmail(email: $e) { id } }', { e: c.email })).userByEmail).toBeNull();
    // Their session ended and they cannot sign in again.
    const me = await app.as(c.auth)('{ me { id } }');
    expect(me.data?.me ?? null).toBeNull();
    await expect(app.signIn(c.email, c.password)).rejects.toThrow();
    // The address stays theirs.
    const taken = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name: 'Other', email: c.email } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: c.id });
    // Nor can a ticket give it to someone new, or add to the deleted account.
    const ticket = await app.as(agent.auth)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', {
      i: { subject: 'Hello', comment: 'Hi', requester: { email: c.email.toUpperCase() } },
    });
    expect(ticket.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', reason: 'DELETED_CUSTOMER' });
    // Not in the export either.
    const csv = await fetch(`${app.url}/exports/users.csv`, { headers: { cookie: app.admin.cookie } });
    expect(await csv.text()).not.toContain(c.name);
    const list = ok(await app.as(agent.auth)(DELETED, { first: 100 })).deletedUsers;
    const node = list.edges.map((e: any) => e.node).find((x: any) => x.id === c.id);
    expect(node).toMatchObject({ name: c.name, email: c.email, deletedBy: { id: agent.id, name: 'Desk Agent' } });
    expect(new Date(node.eraseAfter).getTime() - new Date(node.deletedAt).getTime()).toBe(30 * DAY);
    // The change feed shows a tombstone.
    const feed = ok(await app.gql('{ userChanges(first: 100) { edges { node { kind tombstone { id externalId } } } } }')).userChanges;
    expect(feed.edges.map((e: any) => e.node)).toContainEqual({ kind: 'DELETED', tombstone: { id: c.id, externalId: `EXTZEB${c.n}` } });
  });

  it('restores a deleted customer with everything they had, and refuses what cannot be restored', async () => {
    const c = await customer();
    ok(await app.as(agent.auth)(DELETE, { id: c.id }));
    const back = ok(await app.as(agent.auth)(RESTORE, { id: c.id })).restoreUser;
    expect(back).toMatchObject({
      name: c.name,
      email: c.email,
      tags: [`vipzeb${c.n}`],
      externalId: `EXTZEB${c.n}`,
      notes: `Secret note about Quarrington${c.n}`,
      fields: [{ key: fieldKey, value: `gold-quarrington${c.n}` }],
    });
    expect(ok(await app.gql(SEARCH, { q: c.name })).users.totalCount).toBe(1);
    await expect(app.signIn(c.email, c.password)).resolves.toMatchObject({ kind: 'cookie' });
    const events = ok(await app.gql('query($id: ID!) { user(id: $id) { events { edges { node { action } } } } }', { id: c.id })).user.events;
    expect(events.edges.slice(0, 2).map((e: any) => e.node.action)).toEqual(['RESTORED', 'DELETED']);
    // A live account, an unknown id, a malformed one: nothing to restore.
    for (const id of [c.id, '999999', 'abc']) expect((await app.as(agent.auth)(RESTORE, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // End users and tokens without USERS_WRITE may not.
    ok(await app.as(agent.auth)(DELETE, { id: c.id }));
    const other = await app.person('END_USER');
    expect((await app.as(other.auth)(RESTORE, { id: c.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(other.auth)(DELETED, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reader = await app.token(['USERS_READ']);
    expect((await app.as(reader.auth)(RESTORE, { id: c.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('erases for good: no table holds the name, addresses, phone or notes afterwards', async () => {
    const c = await customer();
    // A ticket names them in its own history too.
    const t = await app.as(agent.auth)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', {
      i: { subject: 'Printer jam', comment: 'It jams.', requester: { id: c.id } },
    });
    expect(t.errors).toBeUndefined();
    // A follow-up email names them in the outbox: recipient, subject and body.
    ok(
      await app.as(agent.auth)('mutation($u: ID!, $i: SendUserEmailInput!) { sendUserEmail(userId: $u, input: $i) { id } }', {
        u: c.id,
        i: { subject: `About ${c.name}`, body: `Dear ${c.name}, your printer.` },
      }),
    );
    expect(await tablesHolding(app, [c.email])).toContain(`outbox_messages: ${c.email}`);
    ok(await app.as(agent.auth)(DELETE, { id: c.id }));
    // Agents may not erase.
    expect((await app.as(agent.auth)(ERASE, { id: c.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(ok(await app.as(app.admin)(ERASE, { id: c.id })).eraseUser).toBe(true);
    const personal = [
      c.name,
      c.email,
      `+1415555${String(2600 + c.n).padStart(4, '0')}`,
      `EXTZEB${c.n}`,
      `Zebby${c.n}`,
      `Quarrington${c.n}`,
      `vipzeb${c.n}`,
    ];
    expect(await tablesHolding(app, personal)).toEqual([]);
    // A tombstone remains, for tickets and the change feed; it cannot be restored or erased again.
    const [row] = await app.db.manager.query('SELECT name, erased_at FROM users WHERE id = ?', [Number(c.id)]);
    expect(row.name).toBe('Erased user');
    expect(row.erased_at).not.toBeNull();
    expect((await app.as(agent.auth)(RESTORE, { id: c.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.as(app.admin)(ERASE, { id: c.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = ok(await app.as(agent.auth)(DELETED, { first: 100 })).deletedUsers;
    expect(list.edges.map((e: any) => e.node.id)).not.toContain(c.id);
    const feed = ok(await app.gql('{ userChanges(first: 100) { edges { node { kind tombstone { id externalId } } } } }')).userChanges;
    expect(feed.edges.map((e: any) => e.node)).toContainEqual({ kind: 'DELETED', tombstone: { id: c.id, externalId: null } });
    // The address is free again.
    const again = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name: 'New owner', email: c.email },
    });
    expect(again.errors).toBeUndefined();
  });

  /** The public paths, signed out, answered as a visitor (or the mail provider) sees them. */
  const anonymous = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  };
  const webForm = (email: string) =>
    anonymous('mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { received } }', {
      i: { name: 'Someone', email, subject: 'Help', description: 'Please.' },
    });
  const signUp = (email: string) => anonymous('mutation($i: SignUpInput!) { signUp(input: $i) { received } }', { i: { name: 'Visitor', email } });
  const reset = (email: string) => anonymous('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email });
  const mail = async (options: Mail.Options) => {
    const raw = await new MailComposer({ to: `help@${DESK}`, subject: 'Help', text: 'Please.', ...options }).compile().build();
    const res = await fetch(`${app.url}/inbound/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inboundToken}` },
      body: new Uint8Array(raw),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const settings = async (i: Record<string, unknown>) =>
    ok(await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', { i }));
  /** What a deleted customer's address left behind: tickets they request, mail to them, and who holds the address. */
  const traces = async (c: { id: string; email: string }) => ({
    tickets: (await app.db.manager.find(Ticket, { where: { requesterId: Number(c.id) } })).map((t) => t.id),
    mails: await app.db.manager.count(OutboxMessage, { where: { recipient: c.email } }),
    holder: await app.services.users.holderOfEmail(c.email),
  });

  it('refuses a deleted customer’s address on every public path, with the answer an unknown or refused address gets', async () => {
    const c = await customer();
    const before = ok(
      await app.as(agent.auth)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', {
        i: { subject: 'Earlier', comment: 'Hi', requester: { id: c.id } },
      }),
    ).createTicket.ticket.id;
    ok(await app.as(agent.auth)(DELETE, { id: c.id }));
    const left = await traces(c);
    expect(left.holder).toBe('DELETED');
    const unknown = () => `nobody.${++seq}@unknown-zeb.io`;
    try {
      for (const access of ['ANYONE', 'REGISTERED', 'RESTRICTED']) {
        await settings({ requestAccess: access, blockList: ['reject:rejected-zeb.io'], helpCenterSignUp: true });
        for (const address of [c.email, c.email.toUpperCase()]) {
          // The web form, sign-up and reset: word for word what an unknown address gets.
          expect(await webForm(address), access).toEqual(await webForm(unknown()));
          expect(await signUp(address), access).toEqual(await signUp(unknown()));
          expect(await reset(address), access).toEqual(await reset(unknown()));
          // Mail to the desk: what a refused sender gets (only the provider reads it), and never a 500.
          const refused = await mail({ from: `x${++seq}@rejected-zeb.io` });
          expect(refused).toEqual({ status: 200, body: { result: 'IGNORED', reason: 'REFUSED' } });
          expect(await mail({ from: address }), access).toEqual(refused);
          // A reply to their old ticket adds nothing to it either.
          const reply = await mail({ from: address, subject: 'Re: Earlier', inReplyTo: `<ticket-${before}@${DESK}>` });
          expect(reply, access).toEqual(refused);
        }
      }
      await settings({ requestAccess: 'ANYONE', blockList: [] });
      // Copied on someone's mail: the others' ticket is made, without them.
      const copied = await mail({ from: unknown(), cc: [c.email] });
      expect(copied.body.result).toBe('CREATED');
      const ccs = ok(await app.as(agent.auth)('query($id: ID!) { ticket(id: $id) { ccs { id } } }', { id: String(copied.body.ticketId) })).ticket.ccs;
      expect(ccs).toEqual([]);
      // Nothing reached the deleted account, nothing was added to it, and nobody else took its address.
      expect(await traces(c)).toEqual(left);
      expect(await app.db.manager.count(TicketComment, { where: { ticketId: Number(before) } })).toBe(1);
      expect(ok(await app.gql(DELETED, { first: 100 })).deletedUsers.edges.map((e: any) => e.node.id)).toContain(c.id);
    } finally {
      await settings({ requestAccess: 'ANYONE', blockList: [] });
    }
  });

  it('answers the same when the customer is deleted between admission and the ticket’s transaction', async () => {
    await settings({ requestAccess: 'ANYONE', helpCenterSignUp: true });
    const c = await customer();
    ok(await app.as(agent.auth)(DELETE, { id: c.id }));
    const left = await traces(c);
    // Admission as it read a moment before the deletion: the ticket's own transaction meets the deleted account.
    const admission = app.services.admission;
    const admit = admission.admit;
    admission.admit = async () => ({ admitted: true, hold: null, verify: false });
    try {
      expect(await webForm(c.email)).toEqual({ status: 200, body: { data: { submitRequest: { received: true } } } });
      expect(await signUp(c.email)).toEqual({ status: 200, body: { data: { signUp: { received: true } } } });
      expect(await mail({ from: c.email })).toEqual({ status: 200, body: { result: 'IGNORED', reason: 'REFUSED' } });
    } finally {
      admission.admit = admit;
    }
    expect(await traces(c)).toEqual(left);
  });

  it('keeps the old rule for staff: a deleted agent is not a deleted customer and their address is free at once', async () => {
    const staff = await app.person('AGENT');
    ok(await app.as(app.admin)(DELETE, { id: staff.id }));
    expect(ok(await app.gql(DELETED, { first: 100 })).deletedUsers.edges.map((e: any) => e.node.id)).not.toContain(staff.id);
    expect((await app.as(app.admin)(RESTORE, { id: staff.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reuse = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
      i: { name: 'Reuse', email: staff.email },
    });
    expect(reuse.errors).toBeUndefined();
  });

  it('lets agents delete customers only while the setting allows it; admins always may', async () => {
    const SETTINGS = 'mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { agentsMayDeleteUsers } }';
    const CAN = 'query($id: ID!) { user(id: $id) { viewerCan { delete } } }';
    const BULK = 'mutation($i: BulkDeleteUsersInput!) { bulkDeleteUsers(input: $i) { matched changed failed { id code } } }';
    expect(ok(await app.as(app.admin)('query { settings { agentsMayDeleteUsers } }')).settings.agentsMayDeleteUsers).toBe(true);
    const [a, b, c] = [await customer(), await customer(), await customer()];
    try {
      // Only admins change it.
      expect((await app.as(agent.auth)(SETTINGS, { i: { agentsMayDeleteUsers: false } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(ok(await app.as(app.admin)(SETTINGS, { i: { agentsMayDeleteUsers: false } })).updateSettings.agentsMayDeleteUsers).toBe(false);
      expect(ok(await app.as(agent.auth)(CAN, { id: a.id })).user.viewerCan.delete).toBe(false);
      const refused = await app.as(agent.auth)(DELETE, { id: a.id });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toMatch(/Only admins can delete customers/);
      // Signing in within the same request gives no way around it: the new session's viewer reads the setting too.
      const together = await app.as({ kind: 'anonymous' })(
        'mutation($e: String!, $p: String!, $id: ID!) { signIn(email: $e, password: $p) { id } deleteUser(id: $id) }',
        { e: agent.email, p: agent.password, id: a.id },
      );
      // (deleteUser is non-null: its refusal nulls the whole answer, the session was started all the same.)
      expect(together.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([['deleteUser', 'FORBIDDEN']]);
      const bulk = ok(await app.as(agent.auth)(BULK, { i: { ids: [a.id, b.id] } })).bulkDeleteUsers;
      expect(bulk).toMatchObject({ matched: 2, changed: 0 });
      expect(bulk.failed.map((f: any) => f.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      // Nothing was deleted; an admin still may.
      expect(ok(await app.gql(DELETED, { first: 100 })).deletedUsers.edges.map((e: any) => e.node.id)).not.toContain(a.id);
      expect(ok(await app.as(app.admin)(CAN, { id: a.id })).user.viewerCan.delete).toBe(true);
      ok(await app.as(app.admin)(DELETE, { id: c.id }));
      // Turned back on, the agent may again.
      ok(await app.as(app.admin)(SETTINGS, { i: { agentsMayDeleteUsers: true } }));
      expect(ok(await app.as(agent.auth)(CAN, { id: a.id })).user.viewerCan.delete).toBe(true);
      ok(await app.as(agent.auth)(DELETE, { id: a.id }));
    } finally {
      await app.as(app.admin)(SETTINGS, { i: { agentsMayDeleteUsers: true } });
    }
  });

  it('pages the list, newest deletion first', async () => {
    const a = await customer();
    const b = await customer();
    ok(await app.gql(DELETE, { id: a.id }));
    ok(await app.gql(DELETE, { id: b.id }));
    const first = ok(await app.gql(DELETED, { first: 1 })).deletedUsers;
    expect(first.edges[0].node.id).toBe(b.id);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await app.gql(DELETED, { first: 1, after: first.pageInfo.endCursor })).deletedUsers;
    expect(next.edges[0].node.id).toBe(a.id);
    expect((await app.gql(DELETED, { first: 1, after: 'bad' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const id of [a.id, b.id]) ok(await app.gql(RESTORE, { id }));
  });

  it('erases deleted customers after 30 days (moved clock), once, however many processes purge', async () => {
    const users = app.services.users;
    const a = await customer();
    const b = await customer();
    ok(await app.gql(DELETE, { id: a.id }));
    ok(await app.gql(DELETE, { id: b.id }));
    const erased = async (id: string) => (await app.db.manager.query('SELECT erased_at FROM users WHERE id = ?', [Number(id)]))[0].erased_at !== null;
    expect(await users.purgeExpired(SYSTEM_ACTOR, new Date(Date.now() + 29 * DAY))).toBe(0);
    expect(await erased(a.id)).toBe(false);
    // Two purges at once (two processes): each account erased by one of them.
    const [x, y] = await Promise.all([
      users.purgeExpired(SYSTEM_ACTOR, new Date(Date.now() + 31 * DAY)),
      users.purgeExpired(SYSTEM_ACTOR, new Date(Date.now() + 31 * DAY)),
    ]);
    expect(x + y).toBeGreaterThanOrEqual(2);
    for (const id of [a.id, b.id]) {
      expect(await erased(id)).toBe(true);
      const [n] = await app.db.manager.query(
        "SELECT COUNT(*) AS n FROM audit_events WHERE subject_type = 'user' AND subject_id = ? AND action = 'ERASED'",
        [Number(id)],
      );
      expect(Number(n.n)).toBe(1);
    }
  });

  it('runs the purge in the server process: an account deleted 31 days ago is erased without anyone asking', async () => {
    const c = await customer();
    ok(await app.gql(DELETE, { id: c.id }));
    await app.db.manager.query('UPDATE users SET deleted_at = ? WHERE id = ?', [sqlDate(new Date(Date.now() - 31 * DAY)), Number(c.id)]);
    const deadline = Date.now() + 15_000;
    let row: { erased_at: unknown } | undefined;
    do {
      await new Promise((r) => setTimeout(r, 200));
      [row] = await app.db.manager.query('SELECT erased_at FROM users WHERE id = ?', [Number(c.id)]);
    } while (row?.erased_at === null && Date.now() < deadline);
    expect(row?.erased_at).not.toBeNull();
  });
});

/** Every table whose rows hold one of these strings (any letter case), as "table: string". */
async function tablesHolding(app: TestApp, needles: string[]): Promise<string[]> {
  const tables: string[] =
    app.dialect === 'mysql'
      ? (await app.db.manager.query('SHOW TABLES')).map((r: Record<string, string>) => Object.values(r)[0])
      : (await app.db.manager.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map(
          (r: { name: string }) => r.name,
        );
  expect(tables).toContain('audit_events');
  const found: string[] = [];
  for (const table of tables) {
    const text = JSON.stringify(await app.db.manager.query(`SELECT * FROM ${table}`)).toLowerCase();
    for (const n of needles) if (text.includes(n.toLowerCase())) found.push(`${table}: ${n}`);
  }
  return found;
}
