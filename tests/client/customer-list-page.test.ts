import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListUsersQuery } from '../../client/src/graphql/generated/graphql';
import { callsOf, makeUser, mountApp, stubGraphQL, type Handlers } from './helpers';
import { definition } from './user-fields-setup';

/** A cell's text as a screen reader reads it: decorative parts (the avatar's initials) left out. */
function readText(cell: { element: Element }): string {
  const copy = cell.element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').trim();
}

// A customer list's page (issue 9): its columns and sort, selection, bulk actions.
let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

type ListUser = ListUsersQuery['users']['edges'][number]['node'];
const person = (id: string, name: string, extra: Partial<ListUser> = {}): ListUser => ({
  ...makeUser({ id, name, email: `${id}@example.org`, organization: null, identities: [] }),
  phone: null,
  tags: ['vip'],
  externalId: null,
  alias: null,
  timeZone: null,
  locale: null,
  verified: true,
  updatedAt: '2025-01-03T10:00:00.000Z',
  fields: [{ key: 'plan', type: 'DROPDOWN', text: null, number: null, boolean: null, date: null, value: 'pro' }],
  ...extra,
});
const LIST = {
  id: '7',
  name: 'VIPs',
  shared: true,
  userCount: 2,
  columns: ['name', 'tags', 'verified', 'custom_fields.plan'],
  viewerCanManage: true,
  sort: { field: 'NAME' as const, direction: 'ASC' as const },
  filter: {
    query: 'grace',
    tagsAll: ['vip'],
    tagsAny: null,
    tagsNone: null,
    organizationId: null,
    withoutOrganization: null,
    roles: null,
    verified: null,
    suspended: null,
    createdAfter: null,
    createdBefore: null,
    updatedAfter: null,
    updatedBefore: null,
    fields: null,
  },
};

const GRACES = [person('1', 'Grace Hopper'), person('2', 'Grace Kelly', { verified: false })];

/** The field's definition: its title heads the column, its options' titles fill the cells (the list reads values). */
const PLAN = definition({
  id: '3',
  key: 'plan',
  title: 'Plan',
  type: 'DROPDOWN',
  position: 0,
  options: [{ id: '31', title: 'Pro', value: 'pro', position: 0 }],
});

function serve(list = LIST, users = GRACES, more: Handlers = {}) {
  return stubGraphQL({
    CustomerLists: () => ({ data: { customerLists: [{ id: '7', name: 'VIPs', shared: true, userCount: 2 }] } }),
    CustomerList: () => ({ data: { customerList: list } }),
    ListUsers: () => ({
      data: {
        users: {
          totalCount: users.length,
          pageInfo: { hasNextPage: false, endCursor: `c${users.length}` },
          edges: users.map((node, i) => ({ cursor: `c${i + 1}`, node })),
        },
      },
    }),
    BulkUpdateUsers: () => ({ data: { bulkUpdateUsers: { matched: 2, changed: 2, failedCount: 0, failed: [] } } }),
    UserFields: () => ({ data: { userFields: [PLAN] } }),
    UpdateCustomerList: () => ({ data: { updateCustomerList: { id: '7', name: 'Gold VIPs', shared: true, userCount: 2 } } }),
    ...more,
  });
}

describe('customer list page', () => {
  it('shows the columns and the order the list chose, with the matched words highlighted, and the list in the sidebar', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('VIPs');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Select', 'Name', 'Tags', 'Verified', 'Plan']);
    expect(wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => readText(td)))).toEqual([
      ['', 'Grace Hopper', 'vip', 'Yes', 'Pro'],
      ['', 'Grace Kelly', 'vip', 'No', 'Pro'],
    ]);
    expect(wrapper.get('tbody mark').text()).toBe('Grace');
    expect(callsOf(calls, 'ListUsers')[0]!.variables).toEqual({
      first: 25,
      after: null,
      filter: { query: 'grace', tagsAll: ['vip'] },
      sort: { field: 'NAME', direction: 'ASC' },
    });
    expect(wrapper.get('nav[aria-label="Customer lists"]').text()).toContain('VIPs');
  });

  it('shows a phone number as the server does (international format), never as stored', async () => {
    const withPhones = [
      person('1', 'Grace Hopper', {
        phone: '+14155552671',
        identities: [
          { type: 'EMAIL', primary: true, displayValue: '1@example.org' },
          { type: 'PHONE', primary: false, displayValue: '+33 6 12 34 56 78' },
          { type: 'PHONE', primary: true, displayValue: '+1 415 555 2671' },
        ],
      }),
      person('2', 'Grace Kelly'),
    ];
    serve({ ...LIST, columns: ['name', 'phone'] }, withPhones);
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    expect(wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => readText(td)))).toEqual([
      ['', 'Grace Hopper', '+1 415 555 2671'],
      ['', 'Grace Kelly', ''],
    ]);
  });

  it('lists a list whose count is null (its filter names a field deleted since) in the sidebar without a number', async () => {
    serve(LIST, GRACES, {
      CustomerLists: () => ({
        data: {
          customerLists: [
            { id: '7', name: 'VIPs', shared: true, userCount: 2 },
            { id: '8', name: 'By region', shared: true, userCount: null },
          ],
        },
      }),
    });
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    const links = wrapper.get('nav[aria-label="Customer lists"]').findAll('a');
    expect(links.map((a) => a.findAll('span').map((s) => s.text()))).toEqual([['VIPs', '2'], ['By region']]);
  });

  it('tags all the users the list matches through its filter, or the rows selected by id', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    const button = (text: string) => wrapper.findAll('button').find((b) => b.text() === text)!;
    await wrapper.findAll('tbody input[type="checkbox"]')[1]!.setValue(true);
    expect(wrapper.text()).toContain('1 selected');
    await button('Select all 2 matching').trigger('click');
    expect(wrapper.text()).toContain('2 selected');
    await button('Add tags').trigger('click');
    await flushPromises();
    const input = wrapper.get('#bulk-tags');
    await input.setValue('gold');
    await input.trigger('keydown', { key: 'Enter' });
    await button('Add tags to 2 customers').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'BulkUpdateUsers')[0]!.variables).toEqual({ input: { filter: { query: 'grace', tagsAll: ['vip'] }, addTags: ['gold'] } });
    expect(wrapper.text()).toContain('2 customers changed.');
  });

  it('keeps Export a button on a phone and puts Edit, Change its filter (a link) and Delete in the header’s More menu', async () => {
    serve();
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    expect(wrapper.findAll('.page-header .overflow-actions__extra').map((b) => b.text())).toEqual(['Edit list', 'Change its filter', 'Delete list']);
    await wrapper.get('#page-actions-button').trigger('click');
    await flushPromises();
    const items = () => wrapper.findAll('#page-actions-list [role="menuitem"]');
    expect(items().map((item) => item.text())).toEqual(['Edit list', 'Change its filter', 'Delete list']);
    expect(items()[1]!.element.tagName).toBe('A');
    expect(items()[1]!.attributes('href')).toBe('/customers?q=grace&role=ALL&tag=vip&list=7');
    expect(items()[2]!.classes()).toContain('popup-menu__item--danger');
    await items()[2]!.trigger('click');
    await flushPromises();
    expect(wrapper.get('dialog[open]').text()).toContain('Delete');
  });

  it('edits the list: its name, columns and order in the dialog; its filter from the Customers page', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    const button = (text: string) => wrapper.findAll('button').find((b) => b.text() === text)!;
    // The filter is changed where searches are made: the Customers page, with the list's filter in its address.
    const link = wrapper.findAll('a').find((a) => a.text() === 'Change its filter')!;
    // A filter without roles holds everyone: the Customers page shows end users unless told (role=ALL).
    expect(link.attributes('href')).toBe('/customers?q=grace&role=ALL&tag=vip&list=7');
    await button('Edit list').trigger('click');
    await flushPromises();
    const name = wrapper.get<HTMLInputElement>('#save-list-name');
    expect(name.element.value).toBe('VIPs');
    expect(wrapper.get<HTMLInputElement>('#save-list-column-tags').element.checked).toBe(true);
    expect(wrapper.get<HTMLInputElement>('#save-list-column-email').element.checked).toBe(false);
    expect(wrapper.get<HTMLSelectElement>('#save-list-sort').element.value).toBe('NAME:ASC');
    await name.setValue('Gold VIPs');
    await wrapper.get('#save-list-column-email').setValue(true);
    await wrapper.get('#save-list-sort').setValue('CREATED_AT:DESC');
    await wrapper.get('#save-list-name').element.closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(callsOf(calls, 'UpdateCustomerList')[0]!.variables).toEqual({
      id: '7',
      input: {
        name: 'Gold VIPs',
        columns: ['name', 'email', 'tags', 'verified', 'custom_fields.plan'],
        sort: { field: 'CREATED_AT', direction: 'DESC' },
        shared: true,
      },
    });
    // The page reads the list again.
    expect(callsOf(calls, 'CustomerList').length).toBeGreaterThanOrEqual(2);
  });

  it("replaces a list's filter with the search made on the Customers page", async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/customers?q=grace&role=ALL&tag=vip&list=7'));
    await flushPromises();
    const update = wrapper.findAll('button').find((b) => b.text() === 'Update “VIPs” with this search')!;
    expect(update.exists()).toBe(true);
    await update.trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateCustomerList')[0]!.variables).toEqual({ id: '7', input: { filter: { query: 'grace', tagsAll: ['vip'] } } });
  });

  it('shows addresses that wrap after the @ (the search marked) and a dash for no organization', async () => {
    serve({ ...LIST, columns: ['name', 'email', 'organization'] }, [person('1', 'Grace Hopper', { email: 'grace.hopper@navy.example.org' })]);
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    const [, , email, organization] = wrapper.get('tbody tr').findAll('td');
    // The marked parts are HighlightText's spans, one each side of the break.
    const markup = email!.element.innerHTML.replace(/<!--[^>]*-->| data-v-\w+=""|<\/?span[^>]*>/g, '');
    expect(markup).toContain('.hopper@<wbr>navy.example.org');
    expect(email!.get('mark').text()).toBe('grace');
    expect(organization!.text()).toBe('—');
  });

  it('asks in its own dialog before deleting the list, and shows a refusal there', async () => {
    let refuse = true;
    const calls = serve(LIST, GRACES, {
      DeleteCustomerList: () =>
        refuse
          ? { errors: [{ message: 'Only admins change a shared list.', extensions: { code: 'FORBIDDEN' } }] }
          : { data: { deleteCustomerList: true } },
    });
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    ({ wrapper } = await mountApp('/lists/7'));
    await flushPromises();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Delete list')!
      .trigger('click');
    await flushPromises();
    const dialog = wrapper.get('[data-confirm="delete-list"]');
    expect(dialog.text()).toContain('Delete the list “VIPs”?');
    expect(dialog.text()).toContain('Its customers stay: only the list goes.');
    expect(dialog.get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    await dialog.trigger('submit');
    await flushPromises();
    expect(dialog.text()).toContain('You are not allowed to do this.');
    refuse = false;
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'DeleteCustomerList')).toHaveLength(2);
    expect(confirm).not.toHaveBeenCalled();
    expect(wrapper.vm.$route.path).toBe('/customers');
  });

  it.each([
    [
      'en',
      ['Name', 'Time zone', 'Language'],
      ['Grace Hopper', 'UTC+05:30 Kolkata', 'Canadian French (fr-CA)'],
      ['Grace Kelly', 'UTC+07:00 Ho Chi Minh', 'German (de)'],
    ],
    [
      'fr',
      ['Nom', 'Fuseau horaire', 'Langue'],
      ['Grace Hopper', 'UTC+05:30 Kolkata', 'français canadien (fr-CA)'],
      ['Grace Kelly', 'UTC+07:00 Ho Chi Minh', 'allemand (de)'],
    ],
  ] as const)('shows time zones by their current names and languages by name (%s)', async (locale, headers, ...rows) => {
    serve({ ...LIST, columns: ['name', 'time_zone', 'locale'] }, [
      // Former names as ICU still gives them: shown by the current ones.
      person('1', 'Grace Hopper', { timeZone: 'Asia/Calcutta', locale: 'fr-CA' }),
      person('2', 'Grace Kelly', { timeZone: 'Asia/Saigon', locale: 'de' }),
    ]);
    ({ wrapper } = await mountApp('/lists/7', locale));
    await flushPromises();
    expect(
      wrapper
        .findAll('thead th')
        .map((th) => th.text())
        .slice(1),
    ).toEqual(headers);
    expect(
      wrapper.findAll('tbody tr').map((tr) =>
        tr
          .findAll('td')
          .map((td) => readText(td))
          .slice(1),
      ),
    ).toEqual(rows);
  });
});
