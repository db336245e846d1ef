import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { expect } from 'vitest';
import type {
  CreateUserFieldInput,
  FieldDefinitionFragment,
  FieldValueFragment,
  UpdateUserFieldInput,
  UpdateUserInput,
  UserFieldInput,
  UserProfileFragment,
} from '../../client/src/graphql/generated/graphql';
import { callsOf, stubGraphQL, type Answer, type OperationName, type GraphQLCall } from './helpers';

// What the user field tests (user-fields-*.test.ts) share: field definitions, stub servers, and the parts of the page.

export function definition(
  overrides: Partial<FieldDefinitionFragment> & Pick<FieldDefinitionFragment, 'id' | 'key' | 'title' | 'type'>,
): FieldDefinitionFragment {
  return {
    description: null,
    pattern: null,
    patternHint: null,
    options: [],
    lookupTarget: null,
    required: false,
    active: true,
    position: Number(overrides.id),
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export const PLAN = definition({
  id: '1',
  key: 'plan',
  title: 'Plan',
  type: 'DROPDOWN',
  description: 'What the customer pays for.',
  required: true,
  options: [
    { id: '11', title: 'Free', value: 'free', position: 1 },
    { id: '12', title: 'Gold', value: 'gold', position: 2 },
  ],
});
export const CONTRACT = definition({
  id: '2',
  key: 'contract_no',
  title: 'Contract number',
  type: 'REGEXP',
  pattern: '[A-Z]{3}-[0-9]{4}',
  patternHint: 'Three letters, a dash and four digits',
});
export const NEWSLETTER = definition({ id: '3', key: 'newsletter', title: 'Newsletter', type: 'CHECKBOX', active: false });

// --- The admin page ---

/** A server keeping a list of field definitions; `fail` answers one operation with an error. */
export function serveDefinitions(
  initial: FieldDefinitionFragment[] = [PLAN, CONTRACT, NEWSLETTER],
  fail: Partial<Record<OperationName, Answer>> = {},
) {
  let fields = initial.map((field) => ({ ...field }));
  let nextId = 10;
  return stubGraphQL({
    UserFields: () => ({ data: { userFields: fields } }),
    // Customers without a value: 1234 for the contract number, none for the others.
    MissingValueCounts: () => ({ data: { userFields: fields.map((f) => ({ id: f.id, missingValueCount: f.id === '2' ? 1234 : 0 })) } }),
    CreateUserField: ({ input }) => {
      if (fail.CreateUserField) return fail.CreateUserField;
      const given = input as CreateUserFieldInput;
      const created = definition({
        ...given,
        id: String(nextId++),
        description: given.description ?? null,
        pattern: given.pattern ?? null,
        patternHint: given.patternHint ?? null,
        lookupTarget: given.lookupTarget ?? null,
        required: given.required ?? false,
        active: given.active ?? true,
        options: (given.options ?? []).map((option, index) => ({ ...option, id: `o${index}`, position: index + 1 })),
        position: fields.length + 1,
      });
      fields = [...fields, created];
      return { data: { createUserField: created } };
    },
    UpdateUserField: ({ id, input }) => {
      if (fail.UpdateUserField) return fail.UpdateUserField;
      const changes = input as UpdateUserFieldInput;
      fields = fields.map((field) =>
        field.id === id
          ? {
              ...field,
              ...(changes as Partial<FieldDefinitionFragment>),
              options: changes.options
                ? changes.options.map((option, index) => ({ ...option, id: `u${index}`, position: index + 1 }))
                : field.options,
            }
          : field,
      );
      return { data: { updateUserField: fields.find((field) => field.id === id)! } };
    },
    ReorderUserFields: ({ ids }) => {
      if (fail.ReorderUserFields) return fail.ReorderUserFields;
      const order = ids as string[];
      fields = order.map((id, index) => ({ ...fields.find((field) => field.id === id)!, position: index + 1 }));
      return { data: { reorderUserFields: fields } };
    },
    DeleteUserField: ({ id }) => {
      if (fail.DeleteUserField) return fail.DeleteUserField;
      fields = fields.filter((field) => field.id !== id);
      return { data: { deleteUserField: true } };
    },
  });
}

export function reorders(calls: GraphQLCall[]) {
  return callsOf(calls, 'ReorderUserFields').map((call) => call.variables.ids);
}

/** The page's parts, found in the app `get` returns (each test mounts its own). */
export function pageHelpers(get: () => VueWrapper) {
  function rows() {
    return get().findAll('tbody tr');
  }

  function titles(): string[] {
    return rows().map((row) => row.get('[data-column="title"]').text());
  }

  function row(title: string) {
    const found = rows().find((candidate) => candidate.get('[data-column="title"]').text() === title);
    if (!found) throw new Error(`No field row "${title}"`);
    return found;
  }

  function handle(title: string) {
    return get().get(`[aria-label="Reorder ${title}"]`);
  }

  function announced(): string {
    return get().get('[data-reorder-live]').text();
  }

  function dialogForm() {
    return get().get('form[data-user-field-form]');
  }

  async function openCreate(): Promise<void> {
    await get().get('[data-action="new-field"]').trigger('click');
    await flushPromises();
  }

  async function submitDialog(): Promise<void> {
    await dialogForm().trigger('submit');
    await flushPromises();
  }

  return { rows, titles, row, handle, announced, dialogForm, openCreate, submitDialog };
}

// --- The profile ---

export function value(field: FieldDefinitionFragment, overrides: Partial<FieldValueFragment> = {}): FieldValueFragment {
  return {
    key: field.key,
    type: field.type,
    field: {
      id: field.id,
      key: field.key,
      title: field.title,
      description: field.description,
      type: field.type,
      required: field.required,
      pattern: field.pattern,
      patternHint: field.patternHint,
      lookupTarget: field.lookupTarget,
      options: field.options.map(({ id, title, value: optionValue }) => ({ id, title, value: optionValue })),
    },
    value: null,
    values: null,
    text: null,
    number: null,
    boolean: null,
    date: null,
    options: null,
    user: null,
    organization: null,
    ...overrides,
  };
}

export const PROFILE_FIELDS = {
  text: definition({ id: '21', key: 'nickname', title: 'Nickname', type: 'TEXT', description: 'What they like to be called.' }),
  multiline: definition({ id: '22', key: 'address', title: 'Postal address', type: 'MULTILINE' }),
  checkbox: definition({ id: '23', key: 'newsletter', title: 'Newsletter', type: 'CHECKBOX' }),
  date: definition({ id: '24', key: 'renewal', title: 'Renewal date', type: 'DATE' }),
  integer: definition({ id: '25', key: 'seats', title: 'Seats', type: 'INTEGER' }),
  decimal: definition({ id: '26', key: 'discount', title: 'Discount', type: 'DECIMAL' }),
  regexp: CONTRACT,
  dropdown: PLAN,
  multiselect: definition({
    id: '28',
    key: 'products',
    title: 'Products',
    type: 'MULTISELECT',
    options: [
      { id: '281', title: 'Chat', value: 'chat', position: 1 },
      { id: '282', title: 'Voice', value: 'voice', position: 2 },
      { id: '283', title: 'Email', value: 'email_channel', position: 3 },
    ],
  }),
  userLookup: definition({ id: '29', key: 'account_manager', title: 'Account manager', type: 'LOOKUP', lookupTarget: 'USER' }),
  orgLookup: definition({ id: '30', key: 'reseller', title: 'Reseller', type: 'LOOKUP', lookupTarget: 'ORGANIZATION' }),
};

export function profileValues(): FieldValueFragment[] {
  const f = PROFILE_FIELDS;
  return [
    value(f.text, { value: 'Gracie', text: 'Gracie' }),
    value(f.multiline),
    value(f.checkbox, { value: 'true', boolean: true }),
    value(f.date, { value: '2026-11-26', date: '2026-11-26' }),
    value(f.integer, { value: '42', number: '42' }),
    value(f.decimal, { value: '12.5', number: '12.5' }),
    value(f.regexp, { value: 'ABC-1234', text: 'ABC-1234' }),
    value(f.dropdown, { value: 'gold', options: [{ id: '12', title: 'Gold', value: 'gold' }] }),
    value(f.multiselect, {
      value: 'chat,email_channel',
      values: ['chat', 'email_channel'],
      options: [
        { id: '281', title: 'Chat', value: 'chat' },
        { id: '283', title: 'Email', value: 'email_channel' },
      ],
    }),
    value(f.userLookup, { value: '7', user: { id: '7', name: 'Ada Lovelace' } }),
    value(f.orgLookup),
  ];
}

/** A server keeping one user with custom fields; updates apply the `fields` input. */
export function serveProfile(user: UserProfileFragment, failWith?: Answer) {
  let current = user;
  return stubGraphQL({
    User: ({ id }) => ({ data: { user: id === current.id ? current : null } }),
    UpdateUser: ({ input }) => {
      if (failWith) return failWith;
      const changes = input as UpdateUserInput;
      const byKey = new Map((changes.fields ?? []).map((entry: UserFieldInput) => [entry.key, entry]));
      current = {
        ...current,
        fields: current.fields.map((field) => {
          const change = byKey.get(field.key);
          if (!change) return field;
          return { ...field, value: change.values ? change.values.join(',') : (change.value ?? null), values: change.values ?? null };
        }),
        updatedAt: '2025-02-03T12:00:00.000Z',
      };
      return { data: { updateUser: current } };
    },
    LookupUsers: ({ query }) => ({
      data: {
        users: {
          edges: [
            { node: { id: '8', name: `${String(query)} King`, email: 'ada.king@example.org' } },
            { node: { id: '9', name: `${String(query)} Byron`, email: 'byron@example.org' } },
          ],
        },
      },
    }),
    OrganizationSuggestions: () => ({
      data: { organizations: { edges: [{ node: { id: '5', name: 'Initech', domains: ['initech.example'] } }] } },
    }),
  });
}

export function updates(calls: GraphQLCall[]) {
  // Staff save a profile from the version they read.
  return callsOf(calls, 'UpdateUser').map(({ variables: { expectedVersion, ...variables } }) => {
    expect(expectedVersion).toEqual(expect.any(Number));
    return variables;
  });
}
