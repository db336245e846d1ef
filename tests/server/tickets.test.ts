import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER } from '../helpers/operations.js';
import {
  ADD_CC,
  ADD_COMMENT,
  COUNT_USERS,
  CREATE_TICKET,
  GET_TICKET,
  LIST_TICKETS,
  REMOVE_CC,
  ADD_SIDE_MESSAGE,
  START_SIDE,
  SUBMIT_REQUEST,
  TICKET_HISTORY,
  UPDATE_TICKET,
  USER_BY_EMAIL,
  USER_TICKETS,
} from '../helpers/ticket-operations.js';

let seq = 0;
const addr = (p: string) => `${p}.${++seq}.${Date.now()}@tickets.acme.io`;

describe.each(testDialects())('tickets on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  const ok = <T = any>(r: { data?: T | null; errors?: unknown[] }): T => {
    expect(r.errors).toBeUndefined();
    return r.data as T;
  };
  const createUser = async (input: Record<string, unknown>) => ok<any>(await app.gql(CREATE_USER, { input })).createUser.user;
  const create = (input: Record<string, unknown>, as = agent.auth) =>
    app.as(as)(CREATE_TICKET, { input: { subject: 'Printer on fire', comment: 'It burns.', ...input } });

  beforeAll(async () => {
    app = await startTestApp(dialect);
    agent = await app.person('AGENT');
  });
  afterAll(() => app?.stop());

  it('creates a ticket for a known requester by id, by any address in any case, and makes nobody', async () => {
    const email = addr('known');
    const known = await createUser({ name: 'Known Person', email });
    const second = addr('second');
    ok(
      await app.gql('mutation($u: ID!, $v: String!) { addUserIdentity(userId: $u, input: { type: EMAIL, value: $v }) { identity { id } } }', {
        u: known.id,
        v: second,
      }),
    );
    const before = ok<any>(await app.gql(COUNT_USERS, {})).users.totalCount;
    for (const requester of [
      { id: known.id },
      { email: email.toUpperCase() },
      { email: `  ${second.replace('second', 'SECOND')} `, name: 'Ignored' },
    ]) {
      const r = ok<any>(await create({ requester })).createTicket;
      expect(r.createdUsers).toEqual([]);
      expect(r.ticket).toMatchObject({ status: 'NEW', via: 'AGENT', requester: { id: known.id, name: 'Known Person' }, submitter: { id: agent.id } });
      expect(r.ticket.comments.edges[0].node).toMatchObject({ body: 'It burns.', public: true, author: { id: agent.id } });
    }
    expect(ok<any>(await app.gql(COUNT_USERS, {})).users.totalCount).toBe(before);
  });

  it('makes an end user for an unknown address (createdVia TICKET), and CCs (createdVia CC), in one write', async () => {
    const email = addr('Caller');
    const ccNew = addr('cc-new');
    const ccKnown = await createUser({ name: 'Known CC', email: addr('cc-known') });
    const r = ok<any>(
      await create({
        requester: { email, name: 'Ada Caller' },
        ccs: [{ email: ccNew }, { id: ccKnown.id }, { email: ccNew.toUpperCase() }],
        status: 'OPEN',
      }),
    ).createTicket;
    expect(r.ticket.requester).toMatchObject({ name: 'Ada Caller', email: email.toLowerCase().replace(/^caller/, 'Caller'), createdVia: 'TICKET' });
    expect(r.ticket.status).toBe('OPEN');
    expect(r.createdUsers.map((u: any) => [u.name, u.createdVia])).toEqual([
      ['Ada Caller', 'TICKET'],
      [ccNew.split('@')[0], 'CC'],
    ]);
    expect(r.ticket.ccs.map((u: any) => u.id)).toEqual([r.createdUsers[1].id, ccKnown.id]);
    expect(ok<any>(await app.gql(USER_BY_EMAIL, { email })).userByEmail).toMatchObject({ verified: false, createdVia: 'TICKET' });
  });

  it('accepts a reserved address with its warning; refuses malformed ones and bad references, naming the field', async () => {
    const r = ok<any>(await create({ requester: { email: `walk-in.${++seq}@example.invalid`, name: 'Walk In' } })).createTicket;
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'UNDELIVERABLE_RESERVED', field: 'requester.email' })]);
    const cases: [Record<string, unknown>, string][] = [
      [{ requester: { email: 'not an address' } }, 'requester.email'],
      [{ requester: { email: 'a@b.io\nBcc: x@y.io' } }, 'requester.email'],
      [{ requester: {} }, 'requester'],
      [{ requester: { id: '1', email: 'both@acme.io' } }, 'requester'],
      [{ requester: { id: 'x' } }, 'requester.id'],
      [{ requester: { id: '99999999' } }, 'requester.id'],
      [{ requester: { email: addr('ok') }, ccs: [{ email: 'bad@' }] }, 'ccs.0.email'],
      [{ requester: { email: addr('ok') }, subject: '  ' }, 'subject'],
      [{ requester: { email: addr('ok') }, comment: '' }, 'comment'],
      [{ requester: { email: addr('ok'), name: 'A\u202eB' } }, 'requester.name'],
    ];
    for (const [input, field] of cases) {
      const bad = await create(input);
      expect(bad.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('warns BLOCKED_ADDRESS, as createUser does, when an agent names a blocked address as requester, CC or side-conversation participant', async () => {
    const settings = async (i: Record<string, unknown>) =>
      ok(await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', { i }));
    await settings({ blockList: ['reject:refused.tickets.io', 'suspend:held.tickets.io'], allowList: ['welcome@held.tickets.io'] });
    try {
      const refused = `new.${++seq}@refused.tickets.io`;
      const held = await createUser({ name: 'Held Before', email: `known.${++seq}@held.tickets.io` });
      const allowed = `welcome@held.tickets.io`;
      const r = ok<any>(
        await create({
          requester: { email: refused, name: 'Refused Requester' },
          ccs: [{ email: held.email.toUpperCase() }, { id: held.id }, { email: allowed }, { email: addr('plain') }],
        }),
      ).createTicket;
      // The new account is told as createUser tells it; a known one (as typed) without "the account is made"; by id, allowed or plain: nothing.
      expect(r.warnings).toEqual([
        {
          code: 'BLOCKED_ADDRESS',
          field: 'requester.email',
          message: `${refused} is on the block list: the account is made, but requests and sign-ups from it are refused.`,
        },
        {
          code: 'BLOCKED_ADDRESS',
          field: 'ccs.0.email',
          message: `${held.email.split('@')[0].toUpperCase()}@held.tickets.io is on the block list: requests and sign-ups from it are held for review.`,
        },
      ]);
      expect(r.createdUsers.map((u: any) => u.email)).toContain(refused);
      const t = r.ticket;

      // A CC added afterwards: the same warning, on `user.email`, with the reserved address's where both apply.
      const cc = `cc.${++seq}@held.tickets.io`;
      const added = ok<any>(await app.as(agent.auth)(ADD_CC, { ticketId: t.id, user: { email: cc } })).addTicketCc;
      expect(added.createdUser.email).toBe(cc);
      expect(added.warnings).toEqual([{ code: 'BLOCKED_ADDRESS', field: 'user.email' }]);
      expect(ok<any>(await app.as(agent.auth)(ADD_CC, { ticketId: t.id, user: { id: held.id } })).addTicketCc.warnings).toEqual([]);

      // Side-conversation participants, by their place in `to`.
      const side = ok<any>(
        await app.as(agent.auth)(START_SIDE, {
          input: { ticketId: t.id, subject: 'Parts', message: 'Hi', to: [{ email: addr('supplier') }, { email: `s.${++seq}@refused.tickets.io` }] },
        }),
      ).startSideConversation;
      expect(side.warnings).toEqual([{ code: 'BLOCKED_ADDRESS', field: 'to.1.email' }]);

      // The agent's work goes on: nothing is refused or held for it.
      const after = ok<any>(await app.as(agent.auth)('query($id: ID!) { ticket(id: $id) { held ccs { email } } }', { id: t.id })).ticket;
      expect(after.held).toBeNull();
      expect(after.ccs.map((u: any) => u.email)).toEqual(expect.arrayContaining([held.email, cc]));
    } finally {
      await settings({ blockList: [], allowList: [] });
    }
    // Off the block list, the same addresses warn of nothing.
    const plain = ok<any>(
      await app.as(agent.auth)(ADD_CC, {
        ticketId: (await create({ requester: { email: addr('x') } })).data.createTicket.ticket.id,
        user: { email: `again.${++seq}@refused.tickets.io` },
      }),
    ).addTicketCc;
    expect(plain.warnings).toEqual([]);
  });

  it('refuses a subject, comment or message with nothing visible (a zero-width space, a lone mark) as missing', async () => {
    const t = ok<any>(await create({ requester: { email: addr('blank') } })).createTicket.ticket;
    const side = ok<any>(
      await app.as(agent.auth)(START_SIDE, { input: { ticketId: t.id, subject: 'Parts', message: 'Hi', to: [{ email: addr('sup') }] } }),
    );
    const sideId = side.startSideConversation.sideConversation.id;
    const form = { name: 'Web Person', email: addr('form'), subject: 'Help', description: 'Please' };
    for (const blank of ['\u200b', ' \u2060 ', '\u0301', '\u3164']) {
      const tries: [Promise<any>, string][] = [
        [create({ requester: { email: addr('blank') }, subject: blank }), 'subject'],
        [create({ requester: { email: addr('blank') }, comment: blank }), 'comment'],
        [app.as(agent.auth)(UPDATE_TICKET, { id: t.id, input: { subject: blank } }), 'subject'],
        [app.as(agent.auth)(ADD_COMMENT, { ticketId: t.id, input: { body: blank, public: false } }), 'body'],
        [app.as(agent.auth)(START_SIDE, { input: { ticketId: t.id, subject: blank, message: 'm', to: [{ email: addr('s') }] } }), 'subject'],
        [app.as(agent.auth)(ADD_SIDE_MESSAGE, { input: { sideConversationId: sideId, message: blank } }), 'message'],
        [app.as({ kind: 'anonymous' })(SUBMIT_REQUEST, { input: { ...form, subject: blank } }), 'subject'],
        [app.as({ kind: 'anonymous' })(SUBMIT_REQUEST, { input: { ...form, description: blank } }), 'description'],
      ];
      for (const [attempt, field] of tries) {
        const r = await attempt;
        expect(r.errors?.[0]?.extensions, `${JSON.stringify(blank)} ${field}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    }
    const after = ok<any>(await app.as(agent.auth)(GET_TICKET, { id: t.id })).ticket;
    expect(after.subject).toBe('Printer on fire');
  });

  it('creates nothing when the ticket fails: no user without the ticket that caused it', async () => {
    const email = addr('half');
    const bad = await create({ requester: { email, name: 'Half Made' }, ccs: [{ id: '99999998' }] });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ccs.0.id' });
    expect(ok<any>(await app.gql(USER_BY_EMAIL, { email })).userByEmail).toBeNull();
  });

  it('adds and removes CCs (a new address makes a CC user), comments, updates, and keeps the history', async () => {
    const t = ok<any>(await create({ requester: { email: addr('hist') } })).createTicket.ticket;
    const cc = addr('later-cc');
    const added = ok<any>(await app.as(agent.auth)(ADD_CC, { ticketId: t.id, user: { email: cc, name: 'Late Copy' } })).addTicketCc;
    expect(added.createdUser).toMatchObject({ name: 'Late Copy', createdVia: 'CC' });
    const again = ok<any>(await app.as(agent.auth)(ADD_CC, { ticketId: t.id, user: { email: cc.toUpperCase() } })).addTicketCc;
    expect(again.createdUser).toBeNull();
    expect(again.ticket.ccs).toHaveLength(1);
    const requesterAsCc = await app.as(agent.auth)(ADD_CC, { ticketId: t.id, user: { id: t.requester.id } });
    expect(requesterAsCc.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'user' });
    const note = ok<any>(await app.as(agent.auth)(ADD_COMMENT, { ticketId: t.id, input: { body: 'Internal only', public: false } })).addTicketComment;
    expect(note.comment).toMatchObject({ public: false, author: { id: agent.id } });
    expect(note.ticket.comments.totalCount).toBe(2);
    const updated = ok<any>(
      await app.as(agent.auth)(UPDATE_TICKET, { id: t.id, input: { status: 'PENDING', subject: 'Printer fixed?' } }),
    ).updateTicket;
    expect(updated).toMatchObject({ status: 'PENDING', subject: 'Printer fixed?' });
    const removed = ok<any>(await app.as(agent.auth)(REMOVE_CC, { ticketId: t.id, userId: added.createdUser.id })).removeTicketCc;
    expect(removed.ticket.ccs).toEqual([]);
    const events = ok<any>(await app.as(agent.auth)(TICKET_HISTORY, { id: t.id })).ticket.events;
    expect(events.edges.map((e: any) => e.node.action)).toEqual(['CC_REMOVED', 'UPDATED', 'COMMENT_ADDED', 'CC_ADDED', 'CREATED']);
    expect(events.edges[1].node.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'status', oldValue: 'NEW', newValue: 'PENDING' })]),
    );
    expect(events.edges[0].node.source).toBe('ADMIN_APP');
    const missing = await app.as(agent.auth)(ADD_COMMENT, { ticketId: '99999997', input: { body: 'x' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('starts a side conversation: new participants are end users made for it, tagged', async () => {
    const t = ok<any>(await create({ requester: { email: addr('side') } })).createTicket.ticket;
    const supplier = addr('supplier');
    const known = await createUser({ name: 'Known Supplier', email: addr('known-supplier') });
    const r = ok<any>(
      await app.as(agent.auth)(START_SIDE, {
        input: { ticketId: t.id, subject: 'Toner?', message: 'Do you have toner?', to: [{ email: supplier, name: 'Supplier Co' }, { id: known.id }] },
      }),
    ).startSideConversation;
    expect(r.createdUsers).toEqual([expect.objectContaining({ createdVia: 'SIDE_CONVERSATION', tags: ['created_for_side_conversation'] })]);
    expect(r.sideConversation).toMatchObject({ subject: 'Toner?', messages: [{ body: 'Do you have toner?', author: { id: agent.id } }] });
    expect(r.sideConversation.participants.map((p: any) => p.id).sort()).toEqual([r.createdUsers[0].id, known.id].sort());
    const none = await app.as(agent.auth)(START_SIDE, { input: { ticketId: t.id, subject: 'x', message: 'y', to: [] } });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('lists tickets newest first with status, requester and subject filters, and pages', async () => {
    const requester = await createUser({ name: 'Lister', email: addr('lister') });
    const ids: string[] = [];
    for (const [i, status] of ['NEW', 'OPEN', 'OPEN'].entries()) {
      ids.push(ok<any>(await create({ requester: { id: requester.id }, subject: `Zebra ${seq} number ${i}`, status })).createTicket.ticket.id);
    }
    const all = ok<any>(await app.as(agent.auth)(LIST_TICKETS, { requesterId: requester.id, first: 2 })).tickets;
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    const next = ok<any>(await app.as(agent.auth)(LIST_TICKETS, { requesterId: requester.id, first: 2, after: all.pageInfo.endCursor })).tickets;
    expect(next.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(ok<any>(await app.as(agent.auth)(LIST_TICKETS, { requesterId: requester.id, status: 'OPEN' })).tickets.totalCount).toBe(2);
    expect(ok<any>(await app.as(agent.auth)(LIST_TICKETS, { query: `zebra ${seq} number 1` })).tickets.edges.map((e: any) => e.node.id)).toEqual([
      ids[1],
    ]);
    expect(ok<any>(await app.as(agent.auth)(LIST_TICKETS, { query: `#${ids[0]}` })).tickets.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(ok<any>(await app.as(agent.auth)(LIST_TICKETS, { query: '100%_' })).tickets.totalCount).toBe(0);
    const mine = ok<any>(await app.as(agent.auth)(USER_TICKETS, { id: requester.id })).user;
    expect(mine.requestedTickets.totalCount).toBe(3);
    expect(mine.ccTickets.totalCount).toBe(0);
    const bad = await app.as(agent.auth)(LIST_TICKETS, { after: 'bm9wZQ' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('gets ticket from the API as API, with the token as actor', async () => {
    const token = await app.token(['TICKETS_READ', 'TICKETS_WRITE', 'USERS_READ']);
    const r = ok<any>(
      await app.as(token.auth)(CREATE_TICKET, { input: { subject: 'Via API', comment: 'Hello', requester: { email: addr('api') } } }),
    ).createTicket;
    expect(r.ticket).toMatchObject({ via: 'API', submitter: null });
    const history = ok<any>(await app.as(agent.auth)(TICKET_HISTORY, { id: r.ticket.id })).ticket.events.edges;
    expect(history[0].node.source).toBe('API');
    expect(ok<any>(await app.as(token.auth)(GET_TICKET, { id: r.ticket.id })).ticket.comments.edges[0].node.author).toBeNull();
  });
});
