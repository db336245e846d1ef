import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiTokenDetailsFragment, ApiTokenScope } from '../../client/src/graphql/generated/graphql';
import { byLabel, cancelDialog, callsOf, errorNextTo, graphQLError, mountApp, openConfirm, stubConfirm, stubGraphQL, type Handler } from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function token(overrides: Partial<ApiTokenDetailsFragment> = {}): ApiTokenDetailsFragment {
  return {
    id: '1',
    name: 'CRM sync',
    scopes: ['USERS_READ', 'USERS_WRITE'],
    createdAt: '2025-01-02T10:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    createdBy: { id: '900', name: 'Alex Admin' },
    ...overrides,
  };
}

const crm = token();
const importer = token({
  id: '2',
  name: 'Old importer',
  scopes: ['IMPORT'],
  lastUsedAt: '2025-01-05T08:30:00.000Z',
  revokedAt: '2025-01-06T09:00:00.000Z',
});
const SECRET = 'acc_s3cr3t-value-only-shown-once';

/** `refuse`: the revoke's answer instead of revoking, when it gives one. */
function serve(create?: Handler<'CreateApiToken'>, refuse?: () => ReturnType<Handler<'RevokeApiToken'>> | undefined) {
  let tokens = [crm, importer];
  return stubGraphQL({
    ApiTokens: () => ({ data: { apiTokens: tokens } }),
    CreateApiToken: (variables) => {
      if (create) return create(variables);
      const input = variables.input as { name: string; scopes: ApiTokenScope[] };
      const created = token({ id: '3', name: input.name, scopes: input.scopes, createdAt: '2025-02-01T10:00:00.000Z' });
      tokens = [created, ...tokens];
      return { data: { createApiToken: { token: created, secret: SECRET } } };
    },
    RevokeApiToken: ({ id }) => {
      const refusal = refuse?.();
      if (refusal) return refusal;
      tokens = tokens.map((t) => (t.id === id ? { ...t, revokedAt: '2025-02-02T10:00:00.000Z' } : t));
      return { data: { revokeApiToken: tokens.find((t) => t.id === id)! } };
    },
  });
}

function rows() {
  return wrapper.findAll('tbody tr');
}

function row(name: string) {
  const found = rows().find((candidate) => candidate.get('.tokens-table__token-name').text() === name);
  if (!found) throw new Error(`No token row "${name}"`);
  return found;
}

async function create(name: string, scopes: string[]): Promise<void> {
  await byLabel(wrapper, 'Name').setValue(name);
  for (const scope of scopes) await byLabel(wrapper, scope).setValue(true);
  await wrapper.get('main form').trigger('submit');
  await flushPromises();
}

describe('API tokens page', () => {
  it('lists tokens with name, scopes, created, last used ("Never") and a Revoke button for active ones', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    expect(wrapper.get('h1').text()).toBe('API tokens');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Name', 'Scopes', 'Created', 'Last used', 'Status']);
    const active = row('CRM sync');
    expect(active.findAll('code').map((code) => code.text())).toEqual(['USERS_READ', 'USERS_WRITE']);
    expect(active.get('[data-column="last-used"]').text()).toBe('Never');
    expect(active.get('button').text()).toBe('Revoke');
    const revoked = row('Old importer');
    expect(revoked.text()).toContain('Revoked');
    expect(revoked.find('button').exists()).toBe(false);
    expect(revoked.get('[data-column="last-used"]').text()).toContain('Jan 5, 2025');
  });

  it('has a create form with a Name field and the three scopes, labelled as they are', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    for (const scope of ['USERS_READ', 'USERS_WRITE', 'IMPORT']) {
      expect(byLabel(wrapper, scope).attributes('type')).toBe('checkbox');
    }
    expect(byLabel(wrapper, 'Name').element.tagName).toBe('INPUT');
    expect(wrapper.get('main button[type="submit"]').text()).toBe('Create token');
  });

  it('creates a token and shows its secret once, with Copy', async () => {
    const calls = serve();
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    await create('Zendesk bridge', ['IMPORT', 'USERS_READ']);

    expect(callsOf(calls, 'CreateApiToken').map((call) => call.variables)).toEqual([
      { input: { name: 'Zendesk bridge', scopes: ['USERS_READ', 'IMPORT'] } },
    ]);
    const box = wrapper.get('[data-secret-box]');
    expect(box.text()).toContain("Copy this token now. You won't be able to see it again.");
    expect(box.get('[data-secret]').text()).toBe(SECRET);
    expect(document.activeElement).toBe(box.get('[data-secret]').element);
    expect(row('Zendesk bridge').exists()).toBe(true);
    // The form is ready for another one.
    expect((byLabel(wrapper, 'Name').element as HTMLInputElement).value).toBe('');

    const copy = box.findAll('button').find((button) => button.text() === 'Copy')!;
    await copy.trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(box.text()).toContain('Copied');

    // Dismissed, the secret is gone for good; reloading the page never brings it back.
    await box
      .findAll('button')
      .find((button) => button.text() === 'Done')!
      .trigger('click');
    expect(wrapper.find('[data-secret-box]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(SECRET);
    wrapper.unmount();
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    expect(wrapper.find('[data-secret-box]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(SECRET);
  });

  it('asks for a name and at least one scope before sending', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    await wrapper.get('main form').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'CreateApiToken')).toHaveLength(0);
    expect(errorNextTo(wrapper, 'Name')).toBe('Enter a name.');
    expect(wrapper.get('#api-token-scopes-error').text()).toBe('Choose at least one scope.');
  });

  it("shows the server's BAD_USER_INPUT next to the field it names", async () => {
    serve(() => graphQLError('A token name is at most 100 characters.', { code: 'BAD_USER_INPUT', field: 'name' }));
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    await create('x'.repeat(200), ['IMPORT']);
    expect(errorNextTo(wrapper, 'Name')).toBe('A token name is at most 100 characters.');
    expect(wrapper.find('[data-secret-box]').exists()).toBe(false);
  });

  it('revokes a token after asking in the app’s dialog, shows a refusal there, and keeps it when cancelled', async () => {
    const confirm = stubConfirm(true);
    let refuse = true;
    const calls = serve(undefined, () => (refuse ? graphQLError('Only admins manage API tokens.', { code: 'FORBIDDEN' }) : undefined));
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    const ask = () => openConfirm(wrapper, 'revoke-token');
    const button = row('CRM sync').get('button');
    expect(button.attributes('aria-label')).toBe('Revoke CRM sync');
    await button.trigger('click');
    await flushPromises();
    expect(ask().get('h2').text()).toBe('Revoke “CRM sync”?');
    expect(ask().text()).toContain('Anything using it stops working at once.');
    expect(ask().get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    await cancelDialog(wrapper);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(callsOf(calls, 'RevokeApiToken')).toHaveLength(0);

    await button.trigger('click');
    await flushPromises();
    await ask().trigger('submit');
    await flushPromises();
    expect(ask().get('.notice').text()).toBe('You are not allowed to do this.');
    expect(row('CRM sync').find('button').exists()).toBe(true);
    refuse = false;
    await ask().trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'RevokeApiToken').map((call) => call.variables)).toEqual([{ id: '1' }, { id: '1' }]);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(row('CRM sync').find('button').exists()).toBe(false);
    expect(row('CRM sync').text()).toContain('Revoked');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks in French', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/api-tokens', 'fr'));
    await row('CRM sync').get('button').trigger('click');
    await flushPromises();
    const ask = openConfirm(wrapper, 'revoke-token');
    expect(ask.get('h2').text()).toBe('Révoquer «\u00a0CRM sync\u00a0»\u202f?');
    expect(ask.get('button[type="submit"]').text()).toBe('Révoquer');
  });

  it('says the INBOUND scope goes alone, in words (English and French)', async () => {
    serve();
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    expect(wrapper.text()).toContain('Deliver inbound mail to /inbound/email, and nothing else: it cannot be combined with other scopes.');
    wrapper.unmount();
    ({ wrapper } = await mountApp('/settings/api-tokens', 'fr'));
    expect(wrapper.text()).toContain(
      'Remettre le courrier entrant à /inbound/email, et rien d’autre\u00a0: cette portée ne se combine avec aucune autre.',
    );
    expect(wrapper.text()).not.toContain('(seule)');
  });

  it('says when there are none', async () => {
    stubGraphQL({ ApiTokens: () => ({ data: { apiTokens: [] } }) });
    ({ wrapper } = await mountApp('/settings/api-tokens'));
    expect(wrapper.text()).toContain('No API tokens yet');
  });
});
