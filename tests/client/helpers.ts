// Shared setup for component tests: the app's i18n and router on a memory
// history, a stubbed fetch that answers GraphQL operations by name, fixtures.
// Answers and fixtures are typed by the code generated from schema.graphql:
// one that no longer matches an operation fails the type check.
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { beforeAll, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../../client/src/App.vue';
import { createAuth, NOBODY_CAN } from '../../client/src/auth/auth';
import type * as Generated from '../../client/src/graphql/generated/graphql';
import type {
  Role,
  UserAbilitiesFragment,
  UserEventsQuery,
  ViewerAbilitiesFragment,
  UserListItemFragment,
  UserProfileFragment,
  UsersQuery,
  ViewerFragment,
} from '../../client/src/graphql/generated/graphql';
import { createAppI18n, type AppLocale } from '../../client/src/i18n';
import { installUnsavedChangesGuard } from '../../client/src/ui/form/unsaved-changes';
import { createAppRouter, routes } from '../../client/src/router';
import { loadAdminShell } from '../../client/src/layout/admin-shell';

export interface GraphQLCall {
  operationName: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

/** The client's operations by name: `Users` for `query Users`. */
export type OperationName = keyof typeof Generated extends infer Key ? (Key extends `${infer Name}Document` ? Name : never) : never;
type DocumentOf<Name extends OperationName> = (typeof Generated)[`${Name}Document`];
export type DataOf<Name extends OperationName> = ResultOf<DocumentOf<Name>>;

export interface Answer<TData = never> {
  data?: TData | null;
  errors?: unknown[];
}
/** Answers one operation, given its variables. */
export type Handler<Name extends OperationName> = (variables: VariablesOf<DocumentOf<Name>>) => Answer<DataOf<Name>> | Promise<Answer<DataOf<Name>>>;
export type Handlers = { [Name in OperationName]?: Handler<Name> };

/** The person signed in unless a test says otherwise: an admin. */
export const ADMIN_VIEWER: ViewerFragment = {
  id: '900',
  name: 'Alex Admin',
  email: 'alex@acme.example',
  role: 'ADMIN',
};
export const AGENT_VIEWER: ViewerFragment = { id: '901', name: 'Sam Agent', email: 'sam@acme.example', role: 'AGENT' };

/**
 * What the server's viewerCan answers for each role (fixtures: the rules
 * themselves are tested on the server, tests/server/policies.test.ts).
 */
export const VIEWER_CAN: Record<Role, ViewerAbilitiesFragment> = {
  ADMIN: {
    changeOwnPassword: true,
    createStaff: true,
    createUsers: true,
    listUsers: true,
    manageApiTokens: true,
    manageOrganizations: true,
    manageUserFields: true,
    readOrganizations: true,
    readUserFields: true,
    shareCustomerLists: true,
    importUsers: true,
    emailUsers: true,
    readOutbox: true,
    manageWebhooks: true,
    manageSettings: true,
    restoreUsers: true,
    eraseUsers: true,
    manageTeam: true,
  },
  AGENT: {
    changeOwnPassword: true,
    createStaff: false,
    createUsers: true,
    listUsers: true,
    manageApiTokens: false,
    manageOrganizations: false,
    manageUserFields: false,
    readOrganizations: true,
    readUserFields: true,
    shareCustomerLists: false,
    importUsers: false,
    emailUsers: true,
    readOutbox: false,
    manageWebhooks: false,
    manageSettings: false,
    restoreUsers: true,
    eraseUsers: false,
    manageTeam: false,
  },
  END_USER: { ...NOBODY_CAN, changeOwnPassword: true },
};

/** The filter the Customers page sends unless its role filter says otherwise: end users only. */
export const CUSTOMERS_ONLY = { roles: ['END_USER' as const] };

export function signedInAs(viewer: ViewerFragment | null, can?: ViewerAbilitiesFragment): Handler<'Me'> {
  return () => ({ data: { me: viewer, viewerCan: viewer ? (can ?? VIEWER_CAN[viewer.role]) : NOBODY_CAN } });
}

/** What an admin may do to an end user's account: everything. */
export const ADMIN_ON_END_USER: UserAbilitiesFragment = {
  update: true,
  updateOwnProfileOnly: false,
  readPrivateFields: true,
  changeFields: true,
  changeIdentities: true,
  changeRole: true,
  changeSuspended: true,
  changeVerified: true,
  verifyIdentities: true,
  makeUnverifiedEmailPrimary: true,
  setPassword: false,
  unlock: true,
  delete: true,
  merge: true,
};
/** What an agent may do to an admin's account: read it. */
export const NOTHING_ON_USER: UserAbilitiesFragment = Object.fromEntries(
  Object.keys(ADMIN_ON_END_USER).map((key) => [key, key === 'readPrivateFields']),
) as UserAbilitiesFragment;

export function emptyEvents(id: string): Answer<UserEventsQuery> {
  return {
    data: {
      user: { id, events: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
    },
  };
}

/**
 * Replaces globalThis.fetch; each operation is answered by the handler named
 * after it. `Me` answers ADMIN_VIEWER, `UserEvents` an empty history and `TextVersions` none unless
 * the test gives its own.
 */
export function stubGraphQL(given: Handlers): GraphQLCall[] {
  const handlers: Handlers = {
    Me: signedInAs(ADMIN_VIEWER),
    UserEvents: ({ id }) => emptyEvents(id),
    UserMessages: ({ id }) => ({ data: { user: { id, messages: { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } } } } }),
    TextVersions: ({ id }) => ({ data: { user: { id: String(id), notes: [], details: [] } } }),
    PossibleDuplicates: ({ id }) => ({ data: { user: { id: String(id), possibleDuplicates: [] } } }),
    ...given,
  };
  const calls: GraphQLCall[] = [];
  const fetchStub = vi.fn(async (_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as {
      operationName: string;
      variables: Record<string, unknown>;
    };
    calls.push({
      operationName: body.operationName,
      variables: body.variables,
      headers: { ...(init?.headers as Record<string, string>) },
    });
    const handler = handlers[body.operationName as OperationName] as
      ((variables: Record<string, unknown>) => Answer<unknown> | Promise<Answer<unknown>>) | undefined;
    if (!handler) throw new Error(`No stub for operation ${body.operationName}`);
    const answer = await handler(body.variables);
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

type MergePreview = DataOf<'MergeUsersPreview'>['mergeUsersPreview'];

/**
 * Handlers for a profile (42, Grace Hopper) with one possible duplicate (77,
 * G. Hopper) and the preview of merging it: nothing moves unless `preview` says so.
 */
export function duplicateHandlers(preview: Partial<MergePreview> = {}): Handlers {
  return {
    PossibleDuplicates: () => ({
      data: {
        user: {
          id: '42',
          possibleDuplicates: [
            {
              id: '77',
              name: 'G. Hopper',
              email: 'gh@navy.example.org',
              phone: '+14155550111',
              identities: [
                { type: 'EMAIL', primary: true, displayValue: 'gh@navy.example.org' },
                { type: 'PHONE', primary: true, displayValue: '+1 415 555 0111' },
              ],
            },
          ],
        },
      },
    }),
    MergeUsersPreview: () => ({
      data: {
        mergeUsersPreview: {
          source: {
            id: '77',
            name: 'G. Hopper',
            identities: [
              { type: 'EMAIL', value: 'gh@navy.example.org', displayValue: 'gh@navy.example.org' },
              { type: 'PHONE', value: '+14155550111', displayValue: '+1 415 555 0111' },
            ],
          },
          target: { id: '42', name: 'Grace Hopper' },
          emails: [],
          phones: [],
          tags: [],
          choices: [],
          ticketsRequested: 0,
          ticketsCopied: 0,
          historyEntries: 0,
          ...preview,
        },
      },
    }),
  };
}

export function callsOf(calls: GraphQLCall[], operationName: OperationName): GraphQLCall[] {
  return calls.filter((call) => call.operationName === operationName);
}

export function makeUser(overrides: Partial<UserProfileFragment> = {}): UserProfileFragment {
  return {
    id: '42',
    name: 'Grace Hopper',
    email: 'grace@navy.example.org',
    role: 'END_USER',
    version: 1,
    phone: null,
    organization: { id: '7', name: 'Navy' },
    tags: ['vip'],
    timeZone: 'America/New_York',
    locale: 'en-US',
    externalId: null,
    alias: null,
    details: null,
    notes: null,
    verified: false,
    suspended: false,
    createdVia: 'ADMIN',
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    identities: [
      {
        id: '1',
        type: 'EMAIL',
        value: 'grace@navy.example.org',
        displayValue: 'grace@navy.example.org',
        primary: true,
        verified: false,
        deliverability: 'DELIVERABLE',
        shared: false,
        sharedWith: [],
        createdAt: '2025-01-02T10:00:00.000Z',
      },
    ],
    fields: [],
    viewerCan: ADMIN_ON_END_USER,
    ...overrides,
  };
}

export function usersPage(
  users: UserListItemFragment[],
  options: { totalCount?: number; hasNextPage?: boolean; suggestions?: string[] } = {},
): Answer<UsersQuery> {
  return {
    data: {
      users: {
        suggestions: options.suggestions ?? [],
        totalCount: options.totalCount ?? users.length,
        pageInfo: {
          hasNextPage: options.hasNextPage ?? false,
          endCursor: users.length ? `cursor-${users[users.length - 1]!.id}` : null,
        },
        edges: users.map((user) => ({ cursor: `cursor-${user.id}`, node: user })),
      },
    },
  };
}

export function graphQLError(message: string, extensions: Record<string, unknown>): Answer {
  return { data: null, errors: [{ message, extensions }] };
}

/**
 * Loads every lazily loaded page once, so a navigation in a test settles with
 * flushPromises() as it would in a browser that has the chunk already.
 */
async function loadPages(): Promise<void> {
  await loadAdminShell();
  await Promise.all(routes.map((route) => (typeof route.component === 'function' ? (route.component as () => Promise<unknown>)() : null)));
}

// Once per test file, before its first test and outside any test's time limit: on a busy
// machine, loading every page (the first mount's job otherwise) took longer than a test may.
beforeAll(loadPages, 120_000);

/** Mounts the whole app (shell, router, dialog) at `path`, attached to the document. */
export async function mountApp(path: string, locale: AppLocale = 'en') {
  await loadPages();
  const auth = createAuth();
  const router = createAppRouter(auth, createMemoryHistory());
  const i18n = createAppI18n(locale);
  installUnsavedChangesGuard(router);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, { global: { plugins: [router, i18n, auth] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router, auth };
}

/** The control a `<label for>` with exactly this text points at. */
export function byLabel(wrapper: VueWrapper, text: string) {
  // What a person can see: a label inside a closed <dialog> is not there for them.
  const label = wrapper.findAll('label').find((candidate) => candidate.text() === text && !candidate.element.closest('dialog:not([open])'));
  if (!label) throw new Error(`No label "${text}"`);
  const id = label.attributes('for');
  if (!id) throw new Error(`Label "${text}" has no for=`);
  return wrapper.get(`[id="${id}"]`);
}

/** The text of the error shown next to the control labelled `text` ('' when none). */
export function errorNextTo(wrapper: VueWrapper, text: string): string {
  const control = byLabel(wrapper, text);
  const describedBy = control.attributes('aria-describedby') ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? wrapper.get(`[id="${errorId}"]`).text() : '';
}

/** The app's ConfirmDialog `id` (its form) while it is open. */
export function openConfirm(wrapper: VueWrapper, id: string) {
  return wrapper.get(`dialog[open] form[data-confirm="${id}"]`);
}

/** Presses the open dialog's Cancel (`label`: its words in the app's language), and waits for what follows. */
export async function cancelDialog(wrapper: VueWrapper, label = 'Cancel'): Promise<void> {
  const button = wrapper
    .get('dialog[open]')
    .findAll('button')
    .find((candidate) => candidate.text() === label);
  if (!button) throw new Error(`No "${label}" in the open dialog`);
  await button.trigger('click');
  await flushPromises();
}

/** Answers every window.confirm() with `answer` (the app asks in its own dialogs: tests check it is never called). */
export function stubConfirm(answer: boolean) {
  const confirm = vi.fn((_message?: string) => answer);
  vi.stubGlobal('confirm', confirm);
  return confirm;
}
