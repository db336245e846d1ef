import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Router } from 'vue-router';
import type { FieldDefinitionFragment } from '../../client/src/graphql/generated/graphql';
import { definition } from './user-fields-setup';
import {
  byLabel,
  callsOf,
  CUSTOMERS_ONLY,
  errorNextTo,
  graphQLError,
  makeUser,
  mountApp,
  stubGraphQL,
  usersPage,
  type Handler,
  type GraphQLCall,
} from './helpers';

let wrapper: VueWrapper;
let router: Router;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PLAN = definition({
  id: '1',
  key: 'plan',
  title: 'Plan',
  type: 'DROPDOWN',
  options: [
    { id: '11', title: 'Free', value: 'free', position: 1 },
    { id: '12', title: 'Pro', value: 'pro', position: 2 },
  ],
});
const SEATS = definition({ id: '2', key: 'seats', title: 'Seats', type: 'INTEGER' });
const BETA = definition({ id: '3', key: 'beta', title: 'Beta tester', type: 'CHECKBOX' });
const MANAGER = definition({ id: '4', key: 'manager', title: 'Account manager', type: 'LOOKUP', lookupTarget: 'USER' });
const MODULES = definition({
  id: '5',
  key: 'modules',
  title: 'Modules',
  type: 'MULTISELECT',
  options: [
    { id: '51', title: 'Billing', value: 'billing', position: 1 },
    { id: '52', title: 'Reports', value: 'reports', position: 2 },
  ],
});
const RENEWAL = definition({ id: '6', key: 'renewal', title: 'Renewal', type: 'DATE' });
const OLD = definition({ id: '7', key: 'old_code', title: 'Old code', type: 'TEXT', active: false });
const DEFINITIONS = [PLAN, SEATS, BETA, MANAGER, MODULES, RENEWAL, OLD];

const ada = makeUser({ id: '1', name: 'Ada Lovelace' });
const grace = makeUser({ id: '2', name: 'Grace Hopper' });

/**
 * The definitions (all of them, whatever `active` asks, so the page's own
 * check shows too) and a list that has Ada alone whenever a field filter is sent.
 */
function serve(definitions: FieldDefinitionFragment[] = DEFINITIONS, users?: Handler<'Users'>) {
  return stubGraphQL({
    UserFields: () => ({ data: { userFields: definitions } }),
    Users: users ?? ((variables) => usersPage(variables.fields ? [ada] : [ada, grace])),
  });
}

function names(): string[] {
  return wrapper.findAll('tbody tr').map((row) => row.get('td a').text());
}

function lastUsers(calls: GraphQLCall[]): Record<string, unknown> {
  return callsOf(calls, 'Users').at(-1)!.variables;
}

function fieldSelect() {
  return byLabel(wrapper, 'Filter by field');
}

function optionTexts(select: ReturnType<typeof byLabel>): string[] {
  return select.findAll('option').map((option) => option.text());
}

/** Types into a text box as a person does: input events, no change (that comes on Enter or leaving the box). */
async function type(box: ReturnType<typeof byLabel>, text: string): Promise<void> {
  (box.element as HTMLInputElement).value = text;
  await box.trigger('input');
}

function clearButton() {
  return wrapper
    .get('[role="group"][aria-label="Filters"]')
    .findAll('button')
    .find((b) => b.text() === 'Clear filters');
}

describe('customers: the filter by a custom field value', () => {
  it('lists the active fields one can filter by (not LOOKUP ones), in order, and no value editor before one is picked', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/customers'));
    expect(callsOf(calls, 'UserFields')[0]!.variables).toEqual({ active: true });
    const select = fieldSelect();
    expect(select.element.tagName).toBe('SELECT');
    expect(optionTexts(select)).toEqual(['Any field', 'Plan', 'Seats', 'Beta tester', 'Modules', 'Renewal']);
    expect((select.element as HTMLSelectElement).value).toBe('');
    expect(wrapper.findAll('label').some((label) => label.text().startsWith('Value of'))).toBe(false);
    expect(clearButton()).toBeUndefined();
    // No filter: the list is not narrowed.
    expect(lastUsers(calls)).toEqual({ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY });
  });

  it('is not there at all without an active field to filter by', async () => {
    serve([MANAGER, OLD]);
    ({ wrapper } = await mountApp('/customers'));
    expect(wrapper.findAll('label').some((label) => label.text() === 'Filter by field')).toBe(false);
    expect(wrapper.find('#customer-field-filter').exists()).toBe(false);
    expect(names()).toEqual(['Ada Lovelace', 'Grace Hopper']);

    wrapper.unmount();
    serve([]);
    ({ wrapper } = await mountApp('/customers'));
    expect(wrapper.find('#customer-field-filter').exists()).toBe(false);
  });

  it('a DROPDOWN field offers its options; picking one reloads with users(fields: [{ key, value }])', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers'));
    await fieldSelect().setValue('plan');
    const value = byLabel(wrapper, 'Value of Plan');
    expect(value.element.tagName).toBe('SELECT');
    expect(optionTexts(value)).toEqual(['Any value', 'Free', 'Pro']);
    await flushPromises();
    // A field without a value does not narrow the list yet.
    expect(callsOf(calls, 'Users')).toHaveLength(1);
    expect(router.currentRoute.value.query).toEqual({ field: 'plan' });
    expect(clearButton()).toBeDefined();

    await value.setValue('pro');
    await flushPromises();
    expect(callsOf(calls, 'Users')).toHaveLength(2);
    expect(lastUsers(calls)).toEqual({ first: 25, after: null, query: null, fields: [{ key: 'plan', value: 'pro' }], filter: CUSTOMERS_ONLY });
    expect(names()).toEqual(['Ada Lovelace']);
    expect(router.currentRoute.value.query).toEqual({ field: 'plan', value: 'pro' });

    // Another field starts with no value, and the list is no longer narrowed.
    await fieldSelect().setValue('seats');
    await flushPromises();
    expect((byLabel(wrapper, 'Value of Seats').element as HTMLInputElement).value).toBe('');
    expect(lastUsers(calls)).toEqual({ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY });
    expect(router.currentRoute.value.query).toEqual({ field: 'seats' });
  });

  it('a MULTISELECT field asks for users having the option: { key, values: [value] }', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/customers'));
    await fieldSelect().setValue('modules');
    const value = byLabel(wrapper, 'Value of Modules');
    expect(optionTexts(value)).toEqual(['Any value', 'Billing', 'Reports']);
    await value.setValue('reports');
    await flushPromises();
    expect(lastUsers(calls).fields).toEqual([{ key: 'modules', values: ['reports'] }]);
  });

  it('a CHECKBOX field is Yes or No, sent as "true" or "false"', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers'));
    await fieldSelect().setValue('beta');
    const value = byLabel(wrapper, 'Value of Beta tester');
    expect(optionTexts(value)).toEqual(['Any value', 'Yes', 'No']);

    await value.setValue('true');
    await flushPromises();
    expect(lastUsers(calls).fields).toEqual([{ key: 'beta', value: 'true' }]);
    expect(router.currentRoute.value.query).toEqual({ field: 'beta', value: 'true' });

    await value.setValue('false');
    await flushPromises();
    expect(lastUsers(calls).fields).toEqual([{ key: 'beta', value: 'false' }]);
    expect(router.currentRoute.value.query).toEqual({ field: 'beta', value: 'false' });

    // "Any value" lifts the filter.
    await value.setValue('');
    await flushPromises();
    expect(lastUsers(calls)).toEqual({ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY });
  });

  it('a DATE field has a date input; numbers and text are typed, and apply once typing pauses', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers'));
    await fieldSelect().setValue('renewal');
    const date = byLabel(wrapper, 'Value of Renewal');
    expect(date.attributes('type')).toBe('date');
    await date.setValue('2026-03-31');
    await flushPromises();
    expect(lastUsers(calls).fields).toEqual([{ key: 'renewal', value: '2026-03-31' }]);

    await fieldSelect().setValue('seats');
    const seats = byLabel(wrapper, 'Value of Seats');
    expect(seats.attributes('type')).toBe('text');
    expect(seats.attributes('inputmode')).toBe('numeric');
    await flushPromises();
    const before = callsOf(calls, 'Users').length;
    await type(seats, '1');
    await type(seats, '12 ');
    expect(callsOf(calls, 'Users')).toHaveLength(before);
    await sleep(300);
    await flushPromises();
    expect(callsOf(calls, 'Users')).toHaveLength(before + 1);
    expect(lastUsers(calls).fields).toEqual([{ key: 'seats', value: '12' }]);
    expect(router.currentRoute.value.query).toEqual({ field: 'seats', value: '12' });

    // Enter applies at once.
    await type(seats, '40');
    await seats.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(callsOf(calls, 'Users')).toHaveLength(before + 2);
    expect(lastUsers(calls).fields).toEqual([{ key: 'seats', value: '40' }]);
    // Nothing more once the pause ends.
    await sleep(300);
    await flushPromises();
    expect(callsOf(calls, 'Users')).toHaveLength(before + 2);
  });

  it('keeps the filter in the address: a link opens the same list, never the whole one first', async () => {
    let answerDefinitions!: () => void;
    const definitionsReady = new Promise<void>((resolve) => (answerDefinitions = resolve));
    const calls = stubGraphQL({
      UserFields: async () => {
        await definitionsReady;
        return { data: { userFields: DEFINITIONS } };
      },
      Users: (variables) => usersPage(variables.fields ? [ada] : [ada, grace]),
    });
    ({ wrapper, router } = await mountApp('/customers?field=modules&value=billing&tag=vip'));
    // Until the field's type is known, the list waits.
    expect(callsOf(calls, 'Users')).toHaveLength(0);
    expect(wrapper.text()).toContain('Loading…');
    answerDefinitions();
    await flushPromises();

    expect(callsOf(calls, 'Users').map((call) => call.variables)).toEqual([
      { first: 25, after: null, query: null, tags: ['vip'], fields: [{ key: 'modules', values: ['billing'] }], filter: CUSTOMERS_ONLY },
    ]);
    expect((fieldSelect().element as HTMLSelectElement).value).toBe('modules');
    expect((byLabel(wrapper, 'Value of Modules').element as HTMLSelectElement).value).toBe('billing');
    expect(names()).toEqual(['Ada Lovelace']);
    expect(router.currentRoute.value.query).toEqual({ field: 'modules', value: 'billing', tag: 'vip' });

    // Reloading the address the page wrote shows the same.
    const address = router.currentRoute.value.fullPath;
    wrapper.unmount();
    serve();
    ({ wrapper, router } = await mountApp(address));
    expect((byLabel(wrapper, 'Value of Modules').element as HTMLSelectElement).value).toBe('billing');
    expect(names()).toEqual(['Ada Lovelace']);
  });

  it('drops a field from a link that no longer exists (or cannot be filtered by)', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers?field=manager&value=12'));
    expect(callsOf(calls, 'Users').map((call) => call.variables)).toEqual([{ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY }]);
    expect((fieldSelect().element as HTMLSelectElement).value).toBe('');
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('"Clear filters" resets the field and its value with the other filters', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers?field=plan&value=pro&tag=vip'));
    expect(names()).toEqual(['Ada Lovelace']);
    await clearButton()!.trigger('click');
    await flushPromises();
    expect((fieldSelect().element as HTMLSelectElement).value).toBe('');
    expect(wrapper.findAll('label').some((label) => label.text().startsWith('Value of'))).toBe(false);
    expect(router.currentRoute.value.query).toEqual({});
    expect(lastUsers(calls)).toEqual({ first: 25, after: null, query: null, filter: CUSTOMERS_ONLY });
    expect(names()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(clearButton()).toBeUndefined();
  });

  it('reads numbers typed the French way in French, and shows the applied one so', async () => {
    const calls = serve();
    ({ wrapper, router } = await mountApp('/customers?field=seats&value=2500', 'fr'));
    const seats = byLabel(wrapper, 'Valeur de «\u00a0Seats\u00a0»');
    expect((seats.element as HTMLInputElement).value).toBe('2\u202f500');
    await type(seats, '1 200');
    await seats.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(lastUsers(calls).fields).toEqual([{ key: 'seats', value: '1200' }]);
    expect(router.currentRoute.value.query).toEqual({ field: 'seats', value: '1200' });
    await type(seats, '12,5');
    await seats.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(errorNextTo(wrapper, 'Valeur de «\u00a0Seats\u00a0»')).toBe('Saisissez un nombre entier, sans décimales.');
    expect(lastUsers(calls).fields).toEqual([{ key: 'seats', value: '1200' }]);
  });

  it('shows a value the server refuses next to the value editor, and the page keeps working', async () => {
    const calls = serve(DEFINITIONS, (variables) => {
      const [filter] = (variables.fields as { key: string; value?: string }[] | undefined) ?? [];
      if (filter && !/^\d{1,12}$/.test(filter.value ?? '')) {
        return graphQLError(`Seats: "${filter.value}" has more than 12 digits.`, { code: 'BAD_USER_INPUT', field: 'seats' });
      }
      return usersPage(filter ? [ada] : [ada, grace]);
    });
    ({ wrapper, router } = await mountApp('/customers'));
    await fieldSelect().setValue('seats');
    const seats = byLabel(wrapper, 'Value of Seats');
    // Text that is no number is said at once, and never sent.
    await type(seats, 'abc');
    await seats.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(errorNextTo(wrapper, 'Value of Seats')).toBe('Enter a whole number, e.g. 1,234.');
    expect(callsOf(calls, 'Users').every((call) => !call.variables.fields)).toBe(true);

    await type(seats, '1234567890123');
    await seats.trigger('keydown', { key: 'Enter' });
    await flushPromises();

    expect(lastUsers(calls).fields).toEqual([{ key: 'seats', value: '1234567890123' }]);
    expect(errorNextTo(wrapper, 'Value of Seats')).toBe('Seats: "1234567890123" has more than 12 digits.');
    expect(seats.attributes('aria-invalid')).toBe('true');
    // Not a failure of the whole list, and no stale rows under a filter they do not match.
    expect(wrapper.text()).not.toContain('Customers could not be loaded.');
    expect(wrapper.findAll('tbody tr')).toHaveLength(0);
    expect(wrapper.text()).toContain('This value cannot filter the list');
    expect(router.currentRoute.value.query).toEqual({ field: 'seats', value: '1234567890123' });

    // The fix applies, and the error goes.
    await type(seats, '12');
    await seats.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(errorNextTo(wrapper, 'Value of Seats')).toBe('');
    expect(seats.attributes('aria-invalid')).toBeUndefined();
    expect(names()).toEqual(['Ada Lovelace']);
  });

  it('without the definitions, a linked filter still reaches the server as text', async () => {
    const calls = stubGraphQL({
      UserFields: () => graphQLError('Something broke.', { code: 'INTERNAL_SERVER_ERROR' }),
      Users: (variables) => usersPage(variables.fields ? [ada] : [ada, grace]),
    });
    ({ wrapper } = await mountApp('/customers?field=modules&value=billing'));
    expect(wrapper.find('#customer-field-filter').exists()).toBe(false);
    expect(lastUsers(calls).fields).toEqual([{ key: 'modules', value: 'billing' }]);
    expect(names()).toEqual(['Ada Lovelace']);
    // It can still be cleared.
    await clearButton()!.trigger('click');
    await flushPromises();
    expect(names()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('reads in French', async () => {
    serve();
    ({ wrapper } = await mountApp('/customers?field=beta', 'fr'));
    expect(optionTexts(byLabel(wrapper, 'Filtrer par champ'))[0]).toBe('Tous les champs');
    expect(optionTexts(byLabel(wrapper, 'Valeur de «\u00a0Beta tester\u00a0»'))).toEqual(['Toutes les valeurs', 'Oui', 'Non']);
  });
});
