import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_TICKET, GET_TICKET, LIST_TICKETS, USER_TICKETS } from '../helpers/ticket-operations.js';
import { Ticket } from '../../server/tickets/ticket.entity.js';
import { TicketHold } from '../../server/settings/request-access.js';

/** Who may read and work tickets: staff all; an end user only what they requested or are CC'd on; tokens by scope. */
describe.each(testDialects())('ticket roles and scopes on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let requester: Awaited<ReturnType<TestApp['person']>>;
  let copied: Awaited<ReturnType<TestApp['person']>>;
  let stranger: Awaited<ReturnType<TestApp['person']>>;
  let ticketId: string;
  const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    agent = await app.person('AGENT');
    requester = await app.person('END_USER');
    copied = await app.person('END_USER');
    stranger = await app.person('END_USER');
    const r = await app.as(agent.auth)(CREATE_TICKET, {
      input: { subject: 'Access', comment: 'Public words', requester: { id: requester.id }, ccs: [{ id: copied.id }] },
    });
    expect(r.errors).toBeUndefined();
    ticketId = r.data.createTicket.ticket.id;
    const note = await app.as(agent.auth)(
      'mutation($t: ID!) { addTicketComment(ticketId: $t, input: { body: "secret note", public: false }) { comment { id } } }',
      {
        t: ticketId,
      },
    );
    expect(note.errors).toBeUndefined();
  });
  afterAll(() => app?.stop());

  const READ = `query($id: ID!) { ticket(id: $id) { id subject comments { totalCount edges { node { body public } } } } }`;

  it('an end user reads the tickets they requested or are copied on, without internal notes', async () => {
    for (const who of [requester, copied]) {
      const r = await app.as(who.auth)(READ, { id: ticketId });
      expect(r.errors).toBeUndefined();
      expect(r.data.ticket.comments.edges.map((e: any) => e.node.body)).toEqual(['Public words']);
      expect(r.data.ticket.comments.totalCount).toBe(1);
    }
    const own = await app.as(requester.auth)(USER_TICKETS, { id: requester.id });
    expect(own.data.user.requestedTickets.totalCount).toBe(1);
    const cc = await app.as(copied.auth)(USER_TICKETS, { id: copied.id });
    expect(cc.data.user.ccTickets.totalCount).toBe(1);
    const staff = await app.as(agent.auth)(READ, { id: ticketId });
    expect(staff.data.ticket.comments.totalCount).toBe(2);
  });

  it('an end user cannot read others’ tickets, list, create, comment or see side conversations', async () => {
    expect(code(await app.as(stranger.auth)(LIST_TICKETS, {}))).toBe('FORBIDDEN');
    expect(code(await app.as(stranger.auth)(USER_TICKETS, { id: requester.id }))).toBe('FORBIDDEN');
    const create = await app.as(requester.auth)(CREATE_TICKET, { input: { subject: 's', comment: 'c', requester: { id: requester.id } } });
    expect(code(create)).toBe('FORBIDDEN');
    const comment = await app.as(requester.auth)('mutation($t: ID!) { addTicketComment(ticketId: $t, input: { body: "x" }) { comment { id } } }', {
      t: ticketId,
    });
    expect(code(comment)).toBe('FORBIDDEN');
    const side = await app.as(requester.auth)('query($id: ID!) { ticket(id: $id) { sideConversations { id } } }', { id: ticketId });
    expect(code(side)).toBe('FORBIDDEN');
    expect(code(await app.as({ kind: 'anonymous' })(READ, { id: ticketId }))).toBe('UNAUTHENTICATED');
  });

  it('an end user cannot tell another person’s ticket from a missing one: both are null, or NOT_FOUND for a reply', async () => {
    const missing = String(Number(ticketId) + 100_000);
    for (const id of [ticketId, missing, 'x']) {
      const r = await app.as(stranger.auth)(READ, { id });
      expect(r, id).toEqual({ data: { ticket: null } });
    }
    const REPLY = 'mutation($t: ID!) { replyToMyRequest(ticketId: $t, body: "Hello?") { id } }';
    const replies = await Promise.all([ticketId, missing].map((t) => app.as(stranger.auth)(REPLY, { t })));
    expect(replies.map((r) => r.errors?.map((e) => [e.extensions?.code, e.message.replace(/\d+/, 'N')]))).toEqual([
      [['NOT_FOUND', 'Ticket N was not found.']],
      [['NOT_FOUND', 'Ticket N was not found.']],
    ]);
    // Nothing was added to the ticket.
    const staff = await app.as(agent.auth)(READ, { id: ticketId });
    expect(staff.data.ticket.comments.totalCount).toBe(2);
    // Staff read it; a missing ticket is null to them as before.
    expect(staff.data.ticket.id).toBe(ticketId);
    expect((await app.as(agent.auth)(READ, { id: missing })).data.ticket).toBeNull();
    // Without the right to read tickets at all, the answer is still FORBIDDEN / UNAUTHENTICATED, whatever the id.
    const usersOnly = await app.token(['USERS_READ']);
    for (const id of [ticketId, missing]) {
      expect(code(await app.as(usersOnly.auth)(READ, { id })), id).toBe('FORBIDDEN');
      expect(code(await app.as({ kind: 'anonymous' })(READ, { id })), id).toBe('UNAUTHENTICATED');
    }
  });

  it('tokens need TICKETS_READ to read and TICKETS_WRITE to write; the people in a ticket need USERS_READ', async () => {
    const usersOnly = await app.token(['USERS_READ', 'USERS_WRITE']);
    expect(code(await app.as(usersOnly.auth)(READ, { id: ticketId }))).toBe('FORBIDDEN');
    const readOnly = await app.token(['TICKETS_READ']);
    const read = await app.as(readOnly.auth)(READ, { id: ticketId });
    expect(read.data.ticket.subject).toBe('Access');
    const withPeople = await app.as(readOnly.auth)(GET_TICKET, { id: ticketId });
    expect(withPeople.errors?.some((e: any) => e.path.includes('requester') && e.extensions.code === 'FORBIDDEN')).toBe(true);
    const write = await app.as(readOnly.auth)(CREATE_TICKET, { input: { subject: 's', comment: 'c', requester: { id: requester.id } } });
    expect(code(write)).toBe('FORBIDDEN');
    // Write without read: the ticket is made, its fields stay unread (scopes stop at the edge of the answer).
    const writeOnly = await app.token(['TICKETS_WRITE']);
    const made = await app.as(writeOnly.auth)(CREATE_TICKET, { input: { subject: 's', comment: 'c', requester: { id: requester.id } } });
    expect(made.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const idOnly = await app.as(writeOnly.auth)(
      'mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } createdUsers { id } } }',
      { i: { subject: 's', comment: 'c', requester: { id: requester.id } } },
    );
    expect(idOnly.errors).toBeUndefined();
    // The people made by a ticket write are users: without USERS_READ, their ids only.
    const people = await app.as(writeOnly.auth)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { createdUsers { id name } } }', {
      i: { subject: 's', comment: 'c', requester: { email: `made.${Date.now()}@scopes.acme.io` } },
    });
    expect(people.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(people.errors?.[0]?.path).toEqual(['createTicket', 'createdUsers', 0, 'name']);
  });

  it('Ticket.held is for agents and admins: FORBIDDEN to an end user on every path to their ticket, held or not', async () => {
    const made = await app.as(agent.auth)(CREATE_TICKET, {
      input: { subject: 'Moderated', comment: 'Words', requester: { id: requester.id }, ccs: [{ id: copied.id }] },
    });
    const id = made.data.createTicket.ticket.id;
    const plain = ticketId;
    await app.db.manager.update(Ticket, { id: Number(id) }, { held: TicketHold.SUSPENDED });
    const refusedHeld = (r: { errors?: any[] }, path: (string | number)[]) => {
      expect(r.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN', path]]);
    };
    for (const t of [id, plain]) {
      // ticket(id): the rest of the ticket is read, `held` alone is refused (null in the data).
      for (const who of [requester, copied]) {
        const r = await app.as(who.auth)('query($id: ID!) { ticket(id: $id) { id subject held } }', { id: t });
        refusedHeld(r, ['ticket', 'held']);
        expect(r.data.ticket).toMatchObject({ id: t, held: null });
      }
    }
    // Their lists of tickets: requestedTickets and ccTickets, by user(id) and by me.
    const requested = await app.as(requester.auth)(
      'query($id: ID!) { user(id: $id) { requestedTickets(first: 1) { edges { node { id held } } } } }',
      { id: requester.id },
    );
    refusedHeld(requested, ['user', 'requestedTickets', 'edges', 0, 'node', 'held']);
    expect(requested.data.user.requestedTickets.edges[0].node.id).toBe(id);
    const copiedOn = await app.as(copied.auth)('{ me { ccTickets(first: 1) { edges { node { id held } } } } }');
    refusedHeld(copiedOn, ['me', 'ccTickets', 'edges', 0, 'node', 'held']);
    // Staff read it, on the same paths and in a write's answer; a token with TICKETS_READ too.
    expect((await app.as(agent.auth)('query($id: ID!) { ticket(id: $id) { held } }', { id })).data.ticket.held).toBe('SUSPENDED');
    const staffList = await app.as(agent.auth)('query($id: ID!) { user(id: $id) { ccTickets(first: 1) { edges { node { held } } } } }', {
      id: copied.id,
    });
    expect(staffList.errors).toBeUndefined();
    expect(staffList.data.user.ccTickets.edges[0].node.held).toBe('SUSPENDED');
    const reader = await app.token(['TICKETS_READ']);
    expect((await app.as(reader.auth)('query($id: ID!) { ticket(id: $id) { held } }', { id })).data.ticket.held).toBe('SUSPENDED');
    const released = await app.as(agent.auth)('mutation($id: ID!) { updateTicket(id: $id, input: { release: true }) { id held } }', { id });
    expect(released).toEqual({ data: { updateTicket: { id, held: null } } });
  });

  it('an INBOUND token can do nothing at /graphql, and cannot be combined with other scopes', async () => {
    const inbound = await app.token(['INBOUND']);
    for (const q of ['{ __typename }', '{ me { id } }', READ]) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${inbound.auth.token}` },
        body: JSON.stringify({ query: q, variables: { id: ticketId } }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    const mixed = await app.as(app.admin)('mutation { createApiToken(input: { name: "x", scopes: [INBOUND, USERS_READ] }) { secret } }');
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
  });
});
