import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEventFragment } from '../../client/src/graphql/generated/graphql';
import { byLabel, callsOf, makeUser, mountApp, stubGraphQL } from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

type Change = HistoryEventFragment['changes'][number];
/** A change as a test gives it: without display values unless it says them. */
type GivenChange = Omit<Change, 'oldDisplay' | 'newDisplay'> & Partial<Pick<Change, 'oldDisplay' | 'newDisplay'>>;

function event(
  overrides: Partial<Omit<HistoryEventFragment, 'changes'>> & Pick<HistoryEventFragment, 'id'> & { changes?: GivenChange[] },
): HistoryEventFragment {
  const { changes = [], ...rest } = overrides;
  return {
    action: 'UPDATED',
    source: 'ADMIN_APP',
    actor: { kind: 'USER', user: { id: '900', name: 'Alex Admin' }, tokenName: null },
    createdAt: '2025-01-03T10:00:00.000Z',
    ...rest,
    changes: changes.map((change) => ({ oldDisplay: null, newDisplay: null, ...change })),
  };
}

const events: HistoryEventFragment[] = [
  event({
    id: '6',
    source: 'API',
    actor: { kind: 'TOKEN', user: { id: '900', name: 'Alex Admin' }, tokenName: 'CRM sync' },
    changes: [
      { field: 'phone', oldValue: '+14155550000', newValue: '+14155552671', redacted: false },
      { field: 'externalId', oldValue: null, newValue: 'crm-1042', redacted: false },
    ],
  }),
  event({ id: '5', changes: [{ field: 'notes', oldValue: null, newValue: null, redacted: true }] }),
  event({ id: '4', action: 'ROLE_CHANGED', changes: [{ field: 'role', oldValue: 'END_USER', newValue: 'AGENT', redacted: false }] }),
  event({ id: '3', action: 'SUSPENDED', changes: [{ field: 'suspended', oldValue: 'false', newValue: 'true', redacted: false }] }),
  event({
    id: '2',
    action: 'PASSWORD_CHANGED',
    source: 'SYSTEM',
    actor: { kind: 'SYSTEM', user: null, tokenName: null },
    changes: [{ field: 'password', oldValue: null, newValue: null, redacted: true }],
  }),
  event({
    id: '1',
    action: 'CREATED',
    source: 'IMPORT',
    actor: { kind: 'USER', user: null, tokenName: null },
    changes: [
      { field: 'name', oldValue: null, newValue: 'Grace Hopper', redacted: false },
      { field: 'email', oldValue: null, newValue: 'grace@navy.example.org', redacted: false },
    ],
  }),
];

function page(list: HistoryEventFragment[], from: number, size: number, total = list.length) {
  const slice = list.slice(from, from + size);
  return {
    totalCount: total,
    pageInfo: { hasNextPage: from + size < list.length, endCursor: slice.length ? `c${from + slice.length}` : null },
    edges: slice.map((node, index) => ({ cursor: `c${from + index + 1}`, node })),
  };
}

function entries() {
  return wrapper.findAll('.history__event');
}

function entryTexts(index: number) {
  const entry = entries()[index]!;
  return {
    action: entry.get('.history__action').text(),
    who: entry.get('.history__who').text(),
    source: entry.get('.history__source').text(),
    changes: entry.findAll('.history__changes li').map((li) => li.text()),
  };
}

describe('profile history', () => {
  it('lists events newest first: action, who, source and "Field: old → new"', async () => {
    const calls = stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      UserEvents: ({ id }) => ({ data: { user: { id, events: page(events, 0, 20) } } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.get('#history-title').text()).toBe('History');
    expect(callsOf(calls, 'UserEvents')[0]!.variables).toEqual({ id: '42', first: 20, after: null });

    expect(entries()).toHaveLength(6);
    expect(entryTexts(0)).toEqual({
      action: 'Updated',
      who: 'API token CRM sync',
      source: 'API',
      changes: ['Phone: +14155550000 → +14155552671', 'External ID: (empty) → crm-1042'],
    });
    // A redacted change says that it changed, never what it says.
    expect(entryTexts(1)).toEqual({ action: 'Updated', who: 'Alex Admin', source: 'Admin app', changes: ['Notes changed'] });
    expect(entries()[1]!.get('.history__who a').attributes('href')).toBe('/users/900');
    expect(entryTexts(2).action).toBe('Role changed');
    expect(entryTexts(2).changes).toEqual(['Role: End user → Agent']);
    expect(entryTexts(3)).toMatchObject({ action: 'Suspended', changes: ['Suspended: No → Yes'] });
    expect(entryTexts(4)).toEqual({ action: 'Password changed', who: 'System', source: 'System', changes: [] });
    expect(entryTexts(5)).toEqual({
      action: 'Created',
      who: 'A deleted user',
      source: 'Import',
      changes: ['Name: Grace Hopper', 'Email: grace@navy.example.org'],
    });
    expect(entries()[0]!.get('time').attributes('datetime')).toBe('2025-01-03T10:00:00.000Z');
    expect(entries()[0]!.get('time').text()).toMatch(/Jan 3, 2025/);
  });

  it('names custom fields by title, shows option titles, and labels address changes', async () => {
    const plan = {
      id: '1',
      key: 'plan',
      title: 'Plan',
      description: null,
      type: 'DROPDOWN' as const,
      pattern: null,
      patternHint: null,
      options: [
        { id: '1', title: 'Pro plan', value: 'pro', position: 0 },
        { id: '2', title: 'Free plan', value: 'free', position: 1 },
      ],
      lookupTarget: null,
      required: false,
      active: true,
      position: 0,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const user = makeUser({
      fields: [
        {
          key: 'plan',
          type: 'DROPDOWN',
          field: plan,
          value: 'pro',
          values: null,
          text: null,
          number: null,
          boolean: null,
          date: null,
          options: [plan.options[0]!],
          user: null,
          organization: null,
        },
      ],
    } as never);
    const list = [
      event({
        id: '9',
        changes: [
          { field: 'fields.plan', oldValue: 'free', newValue: 'pro', redacted: false },
          { field: 'fields.gone', oldValue: null, newValue: 'x', redacted: false },
          { field: 'emails', oldValue: null, newValue: 'second@navy.example.org', redacted: false },
          { field: 'phones', oldValue: '+14155552671', newValue: null, redacted: false },
          { field: 'verifiedIdentity', oldValue: null, newValue: 'second@navy.example.org', redacted: false },
        ],
      }),
    ];
    stubGraphQL({ User: () => ({ data: { user } }), UserEvents: ({ id }) => ({ data: { user: { id, events: page(list, 0, 20) } } }) });
    ({ wrapper } = await mountApp('/users/42'));
    expect(entryTexts(0).changes).toEqual([
      'Plan: Free plan → Pro plan',
      // A field since deleted keeps its key.
      'gone: (empty) → x',
      'Email addresses: (empty) → second@navy.example.org',
      'Phone numbers: +14155552671 → (empty)',
      'Marked verified: (empty) → second@navy.example.org',
    ]);
  });

  it('loads more with the end cursor', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      event({ id: String(100 - i), changes: [{ field: 'organization', oldValue: `Org ${i}`, newValue: `Org ${i + 1}`, redacted: false }] }),
    );
    const calls = stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      UserEvents: ({ id, after }) => ({ data: { user: { id, events: page(many, after ? 20 : 0, 20) } } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(entries()).toHaveLength(20);
    expect(wrapper.get('.history__count').text()).toBe('20 of 25');
    const more = wrapper.findAll('button').find((button) => button.text() === 'Load more')!;
    await more.trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UserEvents').at(-1)!.variables).toEqual({ id: '42', first: 20, after: 'c20' });
    expect(entries()).toHaveLength(25);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Load more')).toBe(false);
  });

  it('loads again after Save, so the new change shows', async () => {
    let list: HistoryEventFragment[] = [events[5]!];
    let user = makeUser();
    const calls = stubGraphQL({
      User: () => ({ data: { user } }),
      UpdateUser: ({ input }) => {
        user = { ...user, ...(input as object) };
        list = [event({ id: '7', changes: [{ field: 'organization', oldValue: 'Navy', newValue: 'US Navy', redacted: false }] }), ...list];
        return { data: { updateUser: user } };
      },
      UserEvents: ({ id }) => ({ data: { user: { id, events: page(list, 0, 20) } } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(entries()).toHaveLength(1);
    await byLabel(wrapper, 'Alias').setValue('US Navy');
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UserEvents')).toHaveLength(2);
    expect(entries()).toHaveLength(2);
    expect(entryTexts(0).changes).toEqual(['Organization: Navy → US Navy']);
  });

  it('says when nothing was recorded', async () => {
    stubGraphQL({ User: () => ({ data: { user: makeUser() } }) });
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.get('.history').text()).toContain('Nothing recorded yet.');
  });

  it('reads in French', async () => {
    stubGraphQL({
      User: () => ({ data: { user: makeUser() } }),
      UserEvents: ({ id }) => ({ data: { user: { id, events: page(events.slice(0, 2), 0, 20) } } }),
    });
    ({ wrapper } = await mountApp('/users/42', 'fr'));
    expect(wrapper.get('#history-title').text()).toBe('Historique');
    expect(entryTexts(0).who).toBe('Jeton d’API CRM sync');
    expect(entryTexts(1).changes).toEqual(['Notes\u00a0: modifié']);
  });

  describe('values as a person would say them', () => {
    const v = (kind: string, value: string, more: Partial<NonNullable<Change['newDisplay']>> = {}) =>
      ({ kind, value, label: null, refId: null, gone: false, ...more }) as NonNullable<Change['newDisplay']>;
    const readable = [
      event({
        id: '20',
        createdAt: '2025-01-03T17:05:00.000Z',
        changes: [
          {
            field: 'organization',
            oldValue: 'Navy',
            newValue: 'Army',
            redacted: false,
            oldDisplay: v('ORGANIZATION', 'Navy', { label: 'Royal Navy', refId: '7' }),
            newDisplay: v('ORGANIZATION', 'Army', { gone: true }),
          },
          {
            field: 'fields.manager',
            oldValue: '12',
            newValue: '13',
            redacted: false,
            oldDisplay: v('PERSON', '12', { gone: true }),
            newDisplay: v('PERSON', '13', { label: 'Ada Lovelace', refId: '13' }),
          },
          {
            field: 'fields.plan',
            oldValue: 'old',
            newValue: 'pro',
            redacted: false,
            oldDisplay: v('OPTION', 'old', { gone: true }),
            newDisplay: v('OPTION', 'pro', { label: 'Pro plan' }),
          },
          { field: 'fields.seats', oldValue: '1234.5', newValue: null, redacted: false, oldDisplay: v('NUMBER', '1234.5') },
          { field: 'fields.renewal', oldValue: null, newValue: '2026-03-05', redacted: false, newDisplay: v('DATE', '2026-03-05') },
          {
            field: 'fields.vip',
            oldValue: 'false',
            newValue: 'true',
            redacted: false,
            oldDisplay: v('BOOLEAN', 'false'),
            newDisplay: v('BOOLEAN', 'true'),
          },
          { field: 'locale', oldValue: null, newValue: 'de', redacted: false, newDisplay: v('LANGUAGE', 'de') },
          { field: 'timeZone', oldValue: null, newValue: 'Asia/Calcutta', redacted: false, newDisplay: v('TIME_ZONE', 'Asia/Calcutta') },
          {
            field: 'signIn',
            oldValue: 'locked',
            newValue: 'unlocked',
            redacted: false,
            oldDisplay: v('TEXT', 'locked'),
            newDisplay: v('TEXT', 'unlocked'),
          },
          { field: 'ticketsRequested', oldValue: null, newValue: '1234', redacted: false, newDisplay: v('NUMBER', '1234') },
        ],
      }),
    ];
    function serveReadable() {
      stubGraphQL({
        User: () => ({ data: { user: makeUser() } }),
        UserEvents: ({ id }) => ({ data: { user: { id, events: page(readable, 0, 20) } } }),
      });
    }

    it('names people and organizations as they are now, deleted ones as such, in English', async () => {
      serveReadable();
      ({ wrapper } = await mountApp('/users/42'));
      const lines = entryTexts(0).changes;
      expect(lines[0]).toBe('Organization: Royal Navy (then “Navy”) → Army (deleted since)');
      expect(lines[1]).toBe('manager: a deleted person → Ada Lovelace');
      expect(lines[2]).toBe('plan: old (option removed since) → Pro plan');
      expect(lines[3]).toBe('seats: 1,234.5 → (empty)');
      expect(lines[4]).toBe('renewal: (empty) → Mar 5, 2026');
      expect(lines[5]).toBe('vip: No → Yes');
      expect(lines[6]).toBe('Language: (empty) → German (de)');
      expect(lines[7]).toBe('Time zone: (empty) → UTC+05:30 Kolkata');
      expect(lines[8]).toBe('Sign-in: locked → unlocked');
      expect(lines[9]).toBe('Tickets requested: (empty) → 1,234');
      // Links to what still exists.
      const links = entries()[0]!
        .findAll('.history__changes a')
        .map((a) => a.attributes('href'));
      expect(links).toEqual(['/organizations/7', '/users/13']);
      // The moment in the reader's time zone: English on the 12-hour clock.
      expect(entries()[0]!.get('time').text()).toMatch(/\d{1,2}:05\s[AP]M/);
    });

    it('reads them in French: decimal comma, 24-hour clock, French names', async () => {
      serveReadable();
      ({ wrapper } = await mountApp('/users/42', 'fr'));
      const lines = entryTexts(0).changes;
      expect(lines[0]).toBe('Organisation\u00a0: Royal Navy (alors «\u00a0Navy\u00a0») → Army (supprimée depuis)');
      expect(lines[1]).toBe('manager\u00a0: une personne supprimée → Ada Lovelace');
      expect(lines[3]).toBe('seats\u00a0: 1\u202f234,5 → (vide)');
      expect(lines[4]).toMatch(/renewal\u00a0: \(vide\) → 5 mars 2026/);
      expect(lines[5]).toBe('vip\u00a0: Non → Oui');
      expect(lines[6]).toBe('Langue\u00a0: (vide) → allemand (de)');
      expect(lines[8]).toBe('Connexion\u00a0: verrouillée → déverrouillée');
      expect(lines[9]).toBe('Tickets demandés\u00a0: (vide) → 1\u202f234');
      // French on the 24-hour clock (two-digit hours, no AM/PM).
      expect(entries()[0]!.get('time').text()).toMatch(/\b\d{2}:05$/);
      expect(entries()[0]!.get('time').text()).not.toMatch(/AM|PM/);
    });
  });
});
