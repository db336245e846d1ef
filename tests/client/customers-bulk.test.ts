import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { SUGGEST_DEBOUNCE_MS } from '../../client/src/ui/use-combobox';
import { AGENT_VIEWER, callsOf, makeUser, mountApp, signedInAs, stubGraphQL, usersPage, type Handlers } from './helpers';

// Bulk actions and the export on the Customers page (the customer list page's parts, on what the page shows),
// the bulk dialog's tag removal (existing tags only) and its delete wording.

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ada = makeUser({ id: '1', name: 'Ada Lovelace', email: 'ada@acme.example', organization: null, identities: [] });
const grace = makeUser({ id: '2', name: 'Grace Hopper', email: 'grace@acme.example', organization: null, identities: [] });
const TAGS = [
  { name: 'spring_2026', count: 20 },
  { name: 'sprint', count: 3 },
  { name: 'vip', count: 40 },
];

function serve(users: UserProfileFragment[] = [ada, grace], more: Handlers = {}) {
  return stubGraphQL({
    Users: () => usersPage(users, { totalCount: 57 }),
    CustomerLists: () => ({ data: { customerLists: [] } }),
    TagSuggestions: ({ query }) => ({
      data: { tags: TAGS.filter((tag) => !query || tag.name.startsWith(String(query))) },
    }),
    BulkUpdateUsers: () => ({ data: { bulkUpdateUsers: { matched: 57, changed: 57, failedCount: 0, failed: [] } } }),
    ...more,
  });
}

const button = (text: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
function chips(): string[] {
  const box = wrapper.get('#bulk-tags').element.closest('.chips')!;
  return Array.from(box.querySelectorAll('.chip__text'), (chip) => chip.textContent!.trim());
}

describe('Customers page: selection, bulk actions, export', () => {
  it('selects all users its search and filters match, and sends that filter to bulkUpdateUsers and the export', async () => {
    const calls = serve();
    // The export is a plain GET beside the GraphQL stub.
    const graphql = globalThis.fetch;
    const exports: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      if (!String(url).startsWith('/exports/')) return graphql(url, init);
      exports.push(String(url));
      return Promise.resolve(new Response('\ufeffname,email\r\nAda,ada@acme.example\r\n', { headers: { 'x-total-count': '1' } }));
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:export', revokeObjectURL: () => undefined }));

    ({ wrapper } = await mountApp('/customers?q=acme&tag=vip'));
    await flushPromises();
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Select', 'Name', 'Email', 'Organization', 'Created']);
    const boxes = wrapper.findAll('tbody input[type="checkbox"]');
    expect(boxes.map((b) => b.attributes('aria-label'))).toEqual(['Select Ada Lovelace', 'Select Grace Hopper']);
    await boxes[1]!.setValue(true);
    expect(wrapper.text()).toContain('1 selected');
    await button('Select all 57 matching').trigger('click');
    expect(wrapper.text()).toContain('57 selected');

    await button('Add tags').trigger('click');
    await flushPromises();
    expect(wrapper.get('#bulk-intro').text()).toBe('To 57 customers.');
    const input = wrapper.get('#bulk-tags');
    await input.setValue('gold');
    await input.trigger('keydown', { key: 'Enter' });
    await button('Add tags to 57 customers').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'BulkUpdateUsers')[0]!.variables).toEqual({
      input: { filter: { query: 'acme', roles: ['END_USER'], tagsAll: ['vip'] }, addTags: ['gold'] },
    });
    expect(wrapper.text()).toContain('57 customers changed.');
    // Done: the selection is cleared and the page read again.
    expect(wrapper.text()).toContain('None selected');

    await button('Export CSV').trigger('click');
    await flushPromises();
    expect(exports).toHaveLength(1);
    const url = new URL(exports[0]!, 'http://x');
    expect(url.pathname).toBe('/exports/users.csv');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ query: 'acme', roles: ['END_USER'], tagsAll: ['vip'] });
  });

  it('acts on the rows selected by id, and says when nothing had to change', async () => {
    const calls = serve([ada, grace], {
      BulkUpdateUsers: () => ({ data: { bulkUpdateUsers: { matched: 2, changed: 0, failedCount: 0, failed: [] } } }),
    });
    ({ wrapper } = await mountApp('/customers'));
    await button('Select this page').trigger('click');
    expect(wrapper.text()).toContain('2 selected');
    await button('Clear organization').trigger('click');
    await flushPromises();
    await button('Clear for 2 customers').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'BulkUpdateUsers')[0]!.variables).toEqual({ input: { ids: ['1', '2'], clearOrganization: true } });
    expect(wrapper.text()).toContain('No customer changed: they were all already as asked.');
    // The button that opened the dialog went with the selection: the notice takes the focus (and is scrolled to).
    await pause(10);
    expect(document.activeElement).toBe(wrapper.get('.bulk-outcome').element);
  });

  it('offers no selection while the search matches nobody', async () => {
    serve([]);
    ({ wrapper } = await mountApp('/customers?q=zzz'));
    await flushPromises();
    expect(wrapper.text()).toContain('No customers match');
    expect(wrapper.find('.bulk-actions').exists()).toBe(false);
    expect(wrapper.findAll('button').some((b) => b.text() === 'Select this page')).toBe(false);
  });
});

describe('bulk dialog: removing tags takes existing tags', () => {
  async function openRemoveTags() {
    const calls = serve();
    ({ wrapper } = await mountApp('/customers'));
    await button('Select this page').trigger('click');
    await button('Remove tags').trigger('click');
    await flushPromises();
    return calls;
  }

  it('Enter takes the highlighted (first) suggestion, not the letters typed', async () => {
    const calls = await openRemoveTags();
    const input = wrapper.get('#bulk-tags');
    await input.setValue('spr');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((o) => o.get('.listbox__name').text())).toEqual(['spring_2026', 'sprint']);
    // The first is highlighted, so Enter takes it.
    expect(input.attributes('aria-activedescendant')).toBe(options[0]!.attributes('id'));
    await input.trigger('keydown', { key: 'Enter' });
    expect(chips()).toEqual(['spring_2026']);
    expect((input.element as HTMLInputElement).value).toBe('');
    // An arrow key chooses another one.
    await input.setValue('spr');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    await input.trigger('keydown', { key: 'Enter' });
    expect(chips()).toEqual(['spring_2026', 'sprint']);
    expect(wrapper.text()).toContain('Only existing tags');

    await button('Remove tags from 2 customers').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'BulkUpdateUsers')[0]!.variables).toEqual({
      input: { ids: ['1', '2'], removeTags: ['spring_2026', 'sprint'] },
    });
  });

  it('Enter before the list shows takes the best match once known; text matching no tag is not added', async () => {
    await openRemoveTags();
    const input = wrapper.get('#bulk-tags');
    await input.setValue('spr');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(chips()).toEqual(['spring_2026']);
    await input.setValue('nothing');
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    await input.trigger('blur');
    expect(chips()).toEqual(['spring_2026']);
  });

  it('adding tags keeps the text typed, even with suggestions showing', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers'));
    await button('Select this page').trigger('click');
    await button('Add tags').trigger('click');
    await flushPromises();
    const input = wrapper.get('#bulk-tags');
    await input.setValue('spr');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    expect(wrapper.findAll('[role="option"]')).toHaveLength(2);
    expect(input.attributes('aria-activedescendant')).toBeUndefined();
    await input.trigger('keydown', { key: 'Enter' });
    expect(chips()).toEqual(['spr']);
  });
});

describe('bulk delete: warnings before, who could not be deleted after', () => {
  it('warns about yourself and staff your role cannot delete, and says deleted with who failed and why', async () => {
    const sam = makeUser({ id: AGENT_VIEWER.id, name: AGENT_VIEWER.name, role: 'AGENT', organization: null, identities: [] });
    const boss = makeUser({ id: '5', name: 'Bea Boss', role: 'ADMIN', organization: null, identities: [] });
    const calls = serve([ada, sam, boss], {
      Me: signedInAs(AGENT_VIEWER),
      BulkDeleteUsers: () => ({
        data: {
          bulkDeleteUsers: {
            matched: 4,
            changed: 1,
            failedCount: 3,
            failed: [
              { id: AGENT_VIEWER.id, code: 'FORBIDDEN', message: 'You cannot delete your own account.' },
              { id: '5', code: 'FORBIDDEN', message: 'Agents delete end users only.' },
              { id: '77', code: 'NOT_FOUND', message: 'User 77 not found.' },
            ],
          },
        },
      }),
    });
    ({ wrapper } = await mountApp('/customers?role=ALL'));
    await button('Select this page').trigger('click');
    await button('Delete').trigger('click');
    await flushPromises();
    const dialog = wrapper.get('form.bulk-dialog');
    expect(dialog.get('#bulk-intro').text()).toBe('3 customers will be deleted, with their history kept.');
    const warnings = dialog.findAll('[role="alert"]').map((w) => w.text());
    expect(warnings).toEqual([
      'You are in the selection: you cannot delete your own account, so you will stay.',
      'A team member is selected (Bea Boss): your role cannot delete them, so they will stay.',
    ]);
    await button('Delete 3 customers').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'BulkDeleteUsers')[0]!.variables).toEqual({ input: { ids: ['1', AGENT_VIEWER.id, '5'] } });
    const notice = wrapper.get('.bulk-outcome');
    expect(notice.text()).toContain('1 customer deleted.');
    expect(notice.text()).not.toContain('changed');
    expect(notice.text()).toContain('3 could not be deleted:');
    expect(notice.findAll('li').map((li) => li.text())).toEqual([
      'Sam Agent: You cannot delete your own account.',
      'Bea Boss: Agents delete end users only.',
      'User 77 not found.',
    ]);
  });

  it('says it in French', async () => {
    serve([ada], {
      BulkDeleteUsers: () => ({
        data: {
          bulkDeleteUsers: {
            matched: 1,
            changed: 0,
            failedCount: 1,
            failed: [{ id: '1', code: 'FORBIDDEN', message: 'Refusé.' }],
          },
        },
      }),
    });
    ({ wrapper } = await mountApp('/customers', 'fr'));
    await button('Sélectionner cette page').trigger('click');
    await button('Supprimer').trigger('click');
    await flushPromises();
    await button('Supprimer 1 client').trigger('click');
    await flushPromises();
    const notice = wrapper.get('.bulk-outcome');
    expect(notice.text()).toContain('Aucun client supprimé.');
    expect(notice.text()).toContain('1 n’a pas pu être supprimé\u00a0:');
    expect(notice.get('li').text()).toBe('Ada Lovelace\u00a0: Refusé.');
  });
});
