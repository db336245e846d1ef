import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGENT_VIEWER, byLabel, callsOf, errorNextTo, graphQLError, mountApp, signedInAs, stubGraphQL } from './helpers';
import { PLAN, CONTRACT, NEWSLETTER, serveDefinitions, pageHelpers } from './user-fields-setup';

// The user fields page: listing, creating, editing and deactivating custom fields (deleting: user-fields-delete.test.ts).

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const { titles, row, dialogForm, openCreate, submitDialog } = pageHelpers(() => wrapper);

describe('user fields page', () => {
  it('lists the fields in order with title, key, type, required and status', async () => {
    serveDefinitions([NEWSLETTER, CONTRACT, PLAN].map((field) => ({ ...field })));
    ({ wrapper } = await mountApp('/settings/user-fields'));
    expect(wrapper.get('h1').text()).toBe('User fields');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Order', 'Title', 'Key', 'Type', 'Required', 'Status', 'Actions']);
    // By position, whatever order the server answered in.
    expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);

    const plan = row('Plan');
    expect(plan.get('[data-column="key"]').text()).toBe('plan');
    expect(plan.get('[data-column="type"]').text()).toContain('Drop-down');
    expect(plan.get('[data-column="type"]').text()).toContain('2 options');
    expect(plan.get('[data-column="required"]').text()).toBe('Required');
    expect(plan.get('[data-column="status"]').text()).toBe('Active');
    expect(plan.text()).toContain('What the customer pays for.');
    expect(row('Contract number').get('[data-column="type"]').text()).toContain('[A-Z]{3}-[0-9]{4}');
    expect(row('Contract number').get('[data-column="required"]').text()).toBe('Optional');
    expect(row('Newsletter').get('[data-column="status"]').text()).toBe('Inactive');
    expect(row('Newsletter').get('[data-action="toggle-active"]').text()).toBe('Activate');
    expect(row('Plan').get('[data-action="toggle-active"]').attributes('aria-label')).toBe('Deactivate Plan');
  });

  it('is in the sidebar next to API tokens for admins', async () => {
    serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    const links = wrapper.findAll('nav a').map((link) => link.attributes('data-nav'));
    expect(links.indexOf('user-fields')).toBe(links.indexOf('api-tokens') + 1);
    const link = wrapper.get('[data-nav="user-fields"]');
    expect(link.text()).toBe('User fields');
    expect(link.attributes('aria-current')).toBe('page');
  });

  it('is hidden from agents, and tells them they have no access', async () => {
    const calls = stubGraphQL({
      Me: signedInAs(AGENT_VIEWER),
      Users: () => ({ data: { users: { suggestions: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
    });
    ({ wrapper } = await mountApp('/settings/user-fields'));
    expect(wrapper.find('[data-nav="user-fields"]').exists()).toBe(false);
    expect(wrapper.get('h1').text()).toBe("You don't have access");
    expect(callsOf(calls, 'UserFields')).toHaveLength(0);
  });

  it('says when there are none, with a way to add one', async () => {
    serveDefinitions([]);
    ({ wrapper } = await mountApp('/settings/user-fields'));
    expect(wrapper.text()).toContain('No custom fields yet');
    expect(wrapper.find('table').exists()).toBe(false);
  });

  it('creates a drop-down with options typed, pasted, reordered and removed', async () => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    expect(wrapper.get('#user-field-dialog-title').text()).toBe('New user field');

    // The key follows the title until typed.
    await byLabel(wrapper, 'Title').setValue('Support tier');
    expect((byLabel(wrapper, 'Key').element as HTMLInputElement).value).toBe('support_tier');
    await byLabel(wrapper, 'Type').setValue('DROPDOWN');
    expect(wrapper.get('#user-field-type-hint').text()).toBe('One choice from a list of options.');

    const editor = wrapper.get('[data-options-editor]');
    expect(editor.get('legend').text()).toBe('Options');
    // One empty option to start with; its value follows its title.
    await editor.get('[aria-label="Title of option 1"]').setValue('Gold plan');
    expect((editor.get('[aria-label="Value of option 1"]').element as HTMLInputElement).value).toBe('gold_plan');
    // Enter in the last option adds the next one.
    await editor.get('[aria-label="Title of option 1"]').trigger('keydown', { key: 'Enter' });
    await editor.get('[aria-label="Title of option 2"]').setValue('Silver');
    await editor.get('[aria-label="Value of option 2"]').setValue('silver_tier');
    await editor.get('[aria-label="Title of option 2"]').setValue('Silver plan');
    expect((editor.get('[aria-label="Value of option 2"]').element as HTMLInputElement).value).toBe('silver_tier');

    // Paste many: one per line, "Title | value" or two spreadsheet columns; known values skipped.
    await editor
      .findAll('button')
      .find((button) => button.text() === 'Paste many')!
      .trigger('click');
    await byLabel(wrapper, 'Options, one per line').setValue('Bronze\n\nPlatinum | plat\nGold plan\nTrial\ttrial_30');
    await editor
      .findAll('button')
      .find((button) => button.text() === 'Add these options')!
      .trigger('click');
    expect(editor.get('[role="status"]').text()).toBe('3 options added.');

    // Platinum first, Trial gone.
    await editor.get('[aria-label="Move option 4 up"]').trigger('click');
    await editor.get('[aria-label="Move option 3 up"]').trigger('click');
    await editor.get('[aria-label="Move option 2 up"]').trigger('click');
    await editor.get('[aria-label="Remove option 5"]').trigger('click');
    await byLabel(wrapper, 'Description').setValue('Set by the sales team.');
    await byLabel(wrapper, 'Required').setValue(true);
    await submitDialog();

    expect(callsOf(calls, 'CreateUserField').map((call) => call.variables)).toEqual([
      {
        input: {
          key: 'support_tier',
          title: 'Support tier',
          type: 'DROPDOWN',
          description: 'Set by the sales team.',
          required: true,
          active: true,
          options: [
            { title: 'Platinum', value: 'plat' },
            { title: 'Gold plan', value: 'gold_plan' },
            { title: 'Silver plan', value: 'silver_tier' },
            { title: 'Bronze', value: 'bronze' },
          ],
        },
      },
    ]);
    expect(wrapper.find('form[data-user-field-form]').isVisible()).toBe(false);
    expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter', 'Support tier']);
    expect(row('Support tier').get('[data-column="type"]').text()).toContain('4 options');
    expect(wrapper.get('[data-notice]').text()).toBe('Field “Support tier” created.');
  });

  it('asks for options, with titles and distinct values, before sending', async () => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    await byLabel(wrapper, 'Title').setValue('Regions');
    await byLabel(wrapper, 'Type').setValue('MULTISELECT');
    await wrapper.get('[aria-label="Remove option 1"]').trigger('click');
    await submitDialog();
    expect(wrapper.get('#user-field-options-error').text()).toBe('Add at least one option.');

    const editor = wrapper.get('[data-options-editor]');
    await editor
      .findAll('button')
      .find((button) => button.text() === 'Add option')!
      .trigger('click');
    await editor.get('[aria-label="Title of option 1"]').setValue('EU');
    await editor
      .findAll('button')
      .find((button) => button.text() === 'Add option')!
      .trigger('click');
    await editor.get('[aria-label="Title of option 2"]').setValue('Europe');
    await editor.get('[aria-label="Value of option 2"]').setValue('EU');
    await submitDialog();
    expect(wrapper.get('#user-field-options-error').text()).toBe('Two options have the value “EU”.');
    expect(editor.get('[aria-label="Value of option 2"]').attributes('aria-invalid')).toBe('true');
    expect(callsOf(calls, 'CreateUserField')).toHaveLength(0);
  });

  it.each([
    ['Plan', 'Use only lower-case letters (a–z), digits and underscores.'],
    ['plan level', 'Use only lower-case letters (a–z), digits and underscores.'],
    ['2024', 'A key needs at least one letter or underscore, not only digits.'],
    ['email', 'A built-in field already has this name; choose another key.'],
    ['tags', 'A built-in field already has this name; choose another key.'],
    ['x'.repeat(65), 'Use at most 64 characters.'],
  ])('tells the key rule %s breaks as it is typed, and sends nothing', async (key, message) => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    await byLabel(wrapper, 'Title').setValue('Anything');
    await byLabel(wrapper, 'Key').setValue(key);
    expect(errorNextTo(wrapper, 'Key')).toBe(message);
    expect(byLabel(wrapper, 'Key').attributes('aria-invalid')).toBe('true');
    // The rule stays in sight below.
    expect(wrapper.get('#user-field-key-hint').text()).toContain('Lower-case letters, digits and underscores');
    await submitDialog();
    expect(callsOf(calls, 'CreateUserField')).toHaveLength(0);
    expect(document.activeElement).toBe(byLabel(wrapper, 'Key').element);

    await byLabel(wrapper, 'Key').setValue('plan_2');
    expect(errorNextTo(wrapper, 'Key')).toBe('');
  });

  it('suggests a key from an accented title, and stops once one is typed', async () => {
    serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    await byLabel(wrapper, 'Title').setValue('Numéro de TVA (UE)');
    expect((byLabel(wrapper, 'Key').element as HTMLInputElement).value).toBe('numero_de_tva_ue');
    await byLabel(wrapper, 'Key').setValue('vat');
    await byLabel(wrapper, 'Title').setValue('VAT number');
    expect((byLabel(wrapper, 'Key').element as HTMLInputElement).value).toBe('vat');
  });

  it('asks for a title, and a pattern for a regular expression', async () => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    await byLabel(wrapper, 'Type').setValue('REGEXP');
    await submitDialog();
    expect(errorNextTo(wrapper, 'Title')).toBe('Enter a title.');
    expect(errorNextTo(wrapper, 'Pattern')).toBe('Enter a pattern.');
    expect(callsOf(calls, 'CreateUserField')).toHaveLength(0);

    await byLabel(wrapper, 'Title').setValue('Contract');
    await byLabel(wrapper, 'Pattern').setValue('C-[0-9]+');
    await byLabel(wrapper, 'Pattern hint').setValue('C, a dash, then digits');
    await submitDialog();
    expect(callsOf(calls, 'CreateUserField')[0]!.variables.input).toEqual({
      key: 'contract',
      title: 'Contract',
      type: 'REGEXP',
      description: null,
      required: false,
      active: true,
      pattern: 'C-[0-9]+',
      patternHint: 'C, a dash, then digits',
    });
  });

  it('creates a lookup of organizations', async () => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    await byLabel(wrapper, 'Title').setValue('Reseller');
    await byLabel(wrapper, 'Type').setValue('LOOKUP');
    const organization = wrapper.findAll('input[name="lookupTarget"]').find((input) => input.attributes('value') === 'ORGANIZATION')!;
    await organization.setValue(true);
    await submitDialog();
    expect(callsOf(calls, 'CreateUserField')[0]!.variables.input).toMatchObject({
      key: 'reseller',
      type: 'LOOKUP',
      lookupTarget: 'ORGANIZATION',
    });
    expect(row('Reseller').get('[data-column="type"]').text()).toContain('Lookup');
    expect(row('Reseller').get('[data-column="type"]').text()).toContain('of an organization');
  });

  it("shows the server's error next to the field it names", async () => {
    serveDefinitions(undefined, {
      CreateUserField: graphQLError('Another field has the key "plan".', { code: 'BAD_USER_INPUT', field: 'key' }),
    });
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    await byLabel(wrapper, 'Title').setValue('Plan');
    await submitDialog();
    expect(errorNextTo(wrapper, 'Key')).toBe('Another field has the key "plan".');
    expect(dialogForm().isVisible()).toBe(true);
  });

  it('puts an error about one option next to the options', async () => {
    serveDefinitions(undefined, {
      CreateUserField: graphQLError('An option value is at most 255 characters.', {
        code: 'BAD_USER_INPUT',
        field: 'input.options.0.value',
      }),
    });
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await openCreate();
    await byLabel(wrapper, 'Title').setValue('Size');
    await byLabel(wrapper, 'Type').setValue('DROPDOWN');
    await wrapper.get('[aria-label="Title of option 1"]').setValue('Large');
    await submitDialog();
    expect(wrapper.get('#user-field-options-error').text()).toBe('An option value is at most 255 characters.');
  });

  it('edits a field with its key and type read-only, and saved option values fixed', async () => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await row('Plan').get('[data-action="edit"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('#user-field-dialog-title').text()).toBe('Edit “Plan”');
    const key = byLabel(wrapper, 'Key');
    expect((key.element as HTMLInputElement).value).toBe('plan');
    expect(key.attributes('readonly')).toBeDefined();
    const type = byLabel(wrapper, 'Type');
    expect(type.element.tagName).toBe('INPUT');
    expect((type.element as HTMLInputElement).value).toBe('Drop-down');
    expect(type.attributes('readonly')).toBeDefined();
    expect(wrapper.get('[aria-label="Value of option 1"]').attributes('readonly')).toBeDefined();

    await byLabel(wrapper, 'Title').setValue('Pricing plan');
    // The key of an existing field does not follow the title.
    expect((key.element as HTMLInputElement).value).toBe('plan');
    await wrapper.get('[aria-label="Title of option 2"]').setValue('Gold (yearly)');
    await submitDialog();
    expect(callsOf(calls, 'UpdateUserField').map((call) => call.variables)).toEqual([
      {
        id: '1',
        input: {
          title: 'Pricing plan',
          description: 'What the customer pays for.',
          required: true,
          active: true,
          options: [
            { title: 'Free', value: 'free' },
            { title: 'Gold (yearly)', value: 'gold' },
          ],
        },
      },
    ]);
    expect(titles()).toEqual(['Pricing plan', 'Contract number', 'Newsletter']);
  });

  it('says how many customers lack a value when a field is made required, before saving', async () => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await row('Contract number').get('[data-action="edit"]').trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'MissingValueCounts')).toHaveLength(0);
    expect(wrapper.find('[data-missing-count]').exists()).toBe(false);

    await byLabel(wrapper, 'Required').setValue(true);
    await flushPromises();
    expect(callsOf(calls, 'MissingValueCounts')).toHaveLength(1);
    expect(wrapper.get('[data-missing-count]').text()).toBe('1,234 customers have no value for it yet: their profiles will show it as missing.');
    expect(callsOf(calls, 'UpdateUserField')).toHaveLength(0);
    // Unchecked: nothing to say; checked again: the count is known.
    await byLabel(wrapper, 'Required').setValue(false);
    expect(wrapper.find('[data-missing-count]').exists()).toBe(false);
    await byLabel(wrapper, 'Required').setValue(true);
    await flushPromises();
    expect(callsOf(calls, 'MissingValueCounts')).toHaveLength(1);
    await submitDialog();
    expect(callsOf(calls, 'UpdateUserField').at(-1)!.variables.input).toMatchObject({ required: true });
  });

  it('says so in French, with French numbers; a field everyone has filled in needs no warning', async () => {
    serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields', 'fr'));
    await row('Contract number').get('[data-action="edit"]').trigger('click');
    await flushPromises();
    await byLabel(wrapper, 'Obligatoire').setValue(true);
    await flushPromises();
    expect(wrapper.get('[data-missing-count]').text()).toBe(
      '1\u202f234 clients n’ont pas encore de valeur pour ce champ\u00a0: leurs profils le signaleront comme manquant.',
    );
    wrapper.unmount();

    serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await row('Plan').get('[data-action="edit"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-missing-count]').text()).toBe('No customer lacks a value for it.');
    expect(wrapper.get('[data-missing-count]').attributes('role')).toBe('status');
  });

  it('deactivates and activates a field', async () => {
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    await row('Plan').get('[data-action="toggle-active"]').trigger('click');
    await flushPromises();
    expect(row('Plan').get('[data-column="status"]').text()).toBe('Inactive');
    expect(wrapper.get('[data-notice]').text()).toContain('“Plan” is inactive');
    await row('Newsletter').get('[data-action="toggle-active"]').trigger('click');
    await flushPromises();
    expect(row('Newsletter').get('[data-column="status"]').text()).toBe('Active');
    expect(callsOf(calls, 'UpdateUserField').map((call) => call.variables)).toEqual([
      { id: '1', input: { active: false } },
      { id: '3', input: { active: true } },
    ]);
  });

  it('reads in French', async () => {
    serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields', 'fr'));
    expect(wrapper.get('h1').text()).toBe('Champs utilisateur');
    expect(row('Plan').get('[data-column="type"]').text()).toContain('Liste déroulante');
    expect(wrapper.find('[aria-label="Déplacer Plan"]').attributes('role')).toBe('button');
  });
});
