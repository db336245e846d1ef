import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  CreateUserFieldInput,
  FieldDefinitionFragment,
  FieldValueFragment,
  UpdateUserFieldInput,
  UpdateUserInput,
  UserFieldInput,
  UserProfileFragment,
} from '../../client/src/graphql/generated/graphql';
import {
  AGENT_VIEWER,
  byLabel,
  callsOf,
  errorNextTo,
  graphQLError,
  makeUser,
  mountApp,
  signedInAs,
  stubConfirm,
  stubGraphQL,
  type Answer,
  type OperationName,
  type GraphQLCall,
} from './helpers';

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function definition(
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

const PLAN = definition({
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
const CONTRACT = definition({
  id: '2',
  key: 'contract_no',
  title: 'Contract number',
  type: 'REGEXP',
  pattern: '[A-Z]{3}-[0-9]{4}',
  patternHint: 'Three letters, a dash and four digits',
});
const NEWSLETTER = definition({ id: '3', key: 'newsletter', title: 'Newsletter', type: 'CHECKBOX', active: false });

// --- The admin page ---

/** A server keeping a list of field definitions; `fail` answers one operation with an error. */
function serveDefinitions(initial: FieldDefinitionFragment[] = [PLAN, CONTRACT, NEWSLETTER], fail: Partial<Record<OperationName, Answer>> = {}) {
  let fields = initial.map((field) => ({ ...field }));
  let nextId = 10;
  return stubGraphQL({
    UserFields: () => ({ data: { userFields: fields } }),
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
      fields = fields.filter((field) => field.id !== id);
      return { data: { deleteUserField: true } };
    },
  });
}

function rows() {
  return wrapper.findAll('tbody tr');
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
  return wrapper.get(`[aria-label="Reorder ${title}"]`);
}

function announced(): string {
  return wrapper.get('[data-reorder-live]').text();
}

function reorders(calls: GraphQLCall[]) {
  return callsOf(calls, 'ReorderUserFields').map((call) => call.variables.ids);
}

function dialogForm() {
  return wrapper.get('form[data-user-field-form]');
}

async function openCreate(): Promise<void> {
  await wrapper.get('[data-action="new-field"]').trigger('click');
  await flushPromises();
}

async function submitDialog(): Promise<void> {
  await dialogForm().trigger('submit');
  await flushPromises();
}

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

  it('deletes a field after confirmation, and keeps it when declined', async () => {
    const confirm = stubConfirm(false);
    const calls = serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields'));
    const button = row('Contract number').get('[data-action="delete"]');
    expect(button.attributes('aria-label')).toBe('Delete Contract number');
    await button.trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'DeleteUserField')).toHaveLength(0);
    expect(confirm.mock.calls[0]![0]).toContain('Delete the field “Contract number”?');

    confirm.mockReturnValue(true);
    await button.trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'DeleteUserField').map((call) => call.variables)).toEqual([{ id: '2' }]);
    expect(titles()).toEqual(['Plan', 'Newsletter']);
    expect(document.activeElement).toBe(handle('Newsletter').element);
  });

  describe('reorder', () => {
    it('by keyboard: Space picks up, arrows move, Space drops and saves, with announcements', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      const grip = handle('Plan');
      expect(grip.attributes('role')).toBe('button');
      expect(grip.attributes('tabindex')).toBe('0');
      expect(wrapper.get(`#${grip.attributes('aria-describedby')}`).text()).toContain('Space or Enter to pick the field up');
      (grip.element as HTMLElement).focus();

      await grip.trigger('keydown', { key: ' ' });
      expect(grip.attributes('aria-pressed')).toBe('true');
      expect(announced()).toContain('Picked up Plan, position 1 of 3.');
      await handle('Plan').trigger('keydown', { key: 'ArrowDown' });
      expect(titles()).toEqual(['Contract number', 'Plan', 'Newsletter']);
      expect(announced()).toBe('Plan moved to position 2 of 3.');
      await handle('Plan').trigger('keydown', { key: 'ArrowDown' });
      await handle('Plan').trigger('keydown', { key: 'ArrowDown' }); // already last
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
      expect(reorders(calls)).toEqual([]);
      expect(document.activeElement).toBe(handle('Plan').element);

      await handle('Plan').trigger('keydown', { key: 'Enter' });
      await flushPromises();
      expect(reorders(calls)).toEqual([['2', '3', '1']]);
      expect(announced()).toBe('Plan dropped at position 3 of 3. Order saved.');
      expect(handle('Plan').attributes('aria-pressed')).toBe('false');
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
    });

    it('by keyboard: Escape puts the field back and saves nothing', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      (handle('Newsletter').element as HTMLElement).focus();
      await handle('Newsletter').trigger('keydown', { key: 'Enter' });
      await handle('Newsletter').trigger('keydown', { key: 'ArrowUp' });
      await handle('Newsletter').trigger('keydown', { key: 'ArrowUp' });
      expect(titles()).toEqual(['Newsletter', 'Plan', 'Contract number']);
      await handle('Newsletter').trigger('keydown', { key: 'Escape' });
      await flushPromises();
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
      expect(announced()).toBe('Reorder cancelled. Newsletter is back at position 3 of 3.');
      expect(reorders(calls)).toEqual([]);
      // Arrows do nothing while nothing is picked up.
      await handle('Newsletter').trigger('keydown', { key: 'ArrowUp' });
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
    });

    it('by drag and drop on the handle', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      const dataTransfer = { effectAllowed: '', dropEffect: '', setData: vi.fn(), setDragImage: vi.fn() };
      expect(handle('Newsletter').attributes('draggable')).toBe('true');
      await handle('Newsletter').trigger('dragstart', { dataTransfer });
      expect(dataTransfer.setData).toHaveBeenCalledWith('text/plain', 'Newsletter');
      expect(dataTransfer.effectAllowed).toBe('move');
      // Passing over rows shows where it would land.
      await row('Contract number').trigger('dragover', { dataTransfer });
      expect(titles()).toEqual(['Plan', 'Newsletter', 'Contract number']);
      await row('Plan').trigger('dragover', { dataTransfer });
      expect(titles()).toEqual(['Newsletter', 'Plan', 'Contract number']);
      await row('Plan').trigger('drop', { dataTransfer });
      await handle('Newsletter').trigger('dragend', { dataTransfer });
      await flushPromises();
      expect(reorders(calls)).toEqual([['3', '1', '2']]);
      expect(announced()).toBe('Newsletter dropped at position 1 of 3. Order saved.');
      expect(titles()).toEqual(['Newsletter', 'Plan', 'Contract number']);
    });

    it('a drag that ends outside the list changes nothing', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      await handle('Plan').trigger('dragstart');
      await row('Newsletter').trigger('dragover');
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
      await handle('Plan').trigger('dragend');
      await flushPromises();
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
      expect(reorders(calls)).toEqual([]);
    });

    it('with Move up and Move down buttons', async () => {
      const calls = serveDefinitions();
      ({ wrapper } = await mountApp('/settings/user-fields'));
      expect(wrapper.get('[aria-label="Move Plan up"]').attributes('disabled')).toBeDefined();
      await wrapper.get('[aria-label="Move Plan down"]').trigger('click');
      await flushPromises();
      expect(titles()).toEqual(['Contract number', 'Plan', 'Newsletter']);
      await wrapper.get('[aria-label="Move Newsletter up"]').trigger('click');
      await flushPromises();
      expect(reorders(calls)).toEqual([
        ['2', '1', '3'],
        ['2', '3', '1'],
      ]);
      expect(titles()).toEqual(['Contract number', 'Newsletter', 'Plan']);
    });

    it('puts the previous order back when saving fails', async () => {
      serveDefinitions(undefined, {
        ReorderUserFields: graphQLError('ids must list every field once', { code: 'BAD_USER_INPUT', field: 'ids' }),
      });
      ({ wrapper } = await mountApp('/settings/user-fields'));
      await wrapper.get('[aria-label="Move Plan down"]').trigger('click');
      await flushPromises();
      expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
      expect(announced()).toBe('The new order could not be saved; the previous order is back.');
      expect(wrapper.text()).toContain('ids must list every field once');
    });
  });

  it('reads in French', async () => {
    serveDefinitions();
    ({ wrapper } = await mountApp('/settings/user-fields', 'fr'));
    expect(wrapper.get('h1').text()).toBe('Champs utilisateur');
    expect(row('Plan').get('[data-column="type"]').text()).toContain('Liste déroulante');
    expect(wrapper.find('[aria-label="Déplacer Plan"]').attributes('role')).toBe('button');
  });
});

// --- The profile ---

function value(field: FieldDefinitionFragment, overrides: Partial<FieldValueFragment> = {}): FieldValueFragment {
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

const PROFILE_FIELDS = {
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

function profileValues(): FieldValueFragment[] {
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
function serveProfile(user: UserProfileFragment, failWith?: Answer) {
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

async function saveProfile(): Promise<void> {
  await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
  await flushPromises();
}

function updates(calls: GraphQLCall[]) {
  // Staff saving a profile ask the server to check required custom fields.
  return callsOf(calls, 'UpdateUser').map(({ variables: { checkRequiredFields, ...variables } }) => {
    expect(checkRequiredFields).toBe(true);
    return variables;
  });
}

/** A group (the multi-select) labelled by the element with this text. */
function groupLabelled(text: string): DOMWrapper<Element> {
  const group = wrapper
    .findAll('[role="group"]')
    .find((candidate) => wrapper.find(`[id="${candidate.attributes('aria-labelledby')}"]`).text() === text);
  if (!group) throw new Error(`No group labelled "${text}"`);
  return group;
}

describe('custom fields on the profile', () => {
  it('shows every active field in order, each with the editor its type calls for', async () => {
    serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    const section = wrapper.get('[data-user-fields]');
    expect(section.get('h2').text()).toBe('Customer fields');
    expect(section.findAll('[data-field-key]').map((field) => field.attributes('data-field-key'))).toEqual([
      'nickname',
      'address',
      'newsletter',
      'renewal',
      'seats',
      'discount',
      'contract_no',
      'plan',
      'products',
      'account_manager',
      'reseller',
    ]);

    const input = (label: string) => byLabel(wrapper, label).element as HTMLInputElement;
    expect(input('Nickname').tagName).toBe('INPUT');
    expect(input('Nickname').type).toBe('text');
    expect(input('Nickname').value).toBe('Gracie');
    expect(input('Postal address').tagName).toBe('TEXTAREA');
    expect(input('Newsletter').type).toBe('checkbox');
    expect(input('Newsletter').checked).toBe(true);
    expect(input('Renewal date').type).toBe('date');
    expect(input('Renewal date').value).toBe('2026-11-26');
    expect(input('Seats').type).toBe('text');
    expect(input('Seats').getAttribute('inputmode')).toBe('numeric');
    expect(input('Seats').value).toBe('42');
    expect(input('Discount').getAttribute('inputmode')).toBe('decimal');
    expect(input('Discount').value).toBe('12.5');
    expect(input('Contract number').value).toBe('ABC-1234');
    expect(input('Plan').tagName).toBe('SELECT');
    expect(
      byLabel(wrapper, 'Plan')
        .findAll('option')
        .map((option) => option.text()),
    ).toEqual(['—', 'Free', 'Gold']);
    expect(input('Plan').value).toBe('gold');
    const products = groupLabelled('Products');
    expect(products.findAll('input[type="checkbox"]').map((box) => (box.element as HTMLInputElement).checked)).toEqual([true, false, true]);
    expect(products.findAll('label').map((label) => label.text())).toEqual(['Chat', 'Voice', 'Email']);
    expect(input('Account manager').getAttribute('role')).toBe('combobox');
    expect(input('Account manager').value).toBe('Ada Lovelace');
    expect(input('Reseller').getAttribute('role')).toBe('combobox');
    expect(input('Reseller').value).toBe('');
    expect(input('Reseller').placeholder).toBe('Search organizations by name');
  });

  it('shows descriptions and the pattern hint as help, and marks required fields', async () => {
    serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    const help = (label: string) => {
      const ids = (byLabel(wrapper, label).attributes('aria-describedby') ?? '').split(' ');
      return ids
        .filter((id) => id.endsWith('-hint'))
        .map((id) => wrapper.get(`[id="${id}"]`).text())
        .join(' ');
    };
    expect(help('Nickname')).toBe('What they like to be called.');
    expect(help('Contract number')).toBe('Three letters, a dash and four digits');
    expect(help('Plan')).toBe('What the customer pays for.');
    expect(byLabel(wrapper, 'Plan').attributes('aria-required')).toBe('true');
    expect(wrapper.get('[data-field-key="plan"]').text()).toContain('Required');
    expect(byLabel(wrapper, 'Nickname').attributes('aria-required')).toBeUndefined();
  });

  it('has no section when there are no active fields', async () => {
    serveProfile(makeUser());
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.find('[data-user-fields]').exists()).toBe(false);
  });

  it('sends only the fields that changed, with values for a multi-select and null to clear', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));

    await byLabel(wrapper, 'Nickname').setValue('Amazing Grace');
    await byLabel(wrapper, 'Seats').setValue(' 50 ');
    await byLabel(wrapper, 'Newsletter').setValue(false);
    await byLabel(wrapper, 'Renewal date').setValue('');
    const [chat, voice] = groupLabelled('Products').findAll('input[type="checkbox"]');
    await voice!.setValue(true);
    await chat!.setValue(false);
    // Changed and changed back: not sent.
    await byLabel(wrapper, 'Discount').setValue('13');
    await byLabel(wrapper, 'Discount').setValue('12.5');
    expect(wrapper.get('.profile-form [role="status"]').text()).toBe('Unsaved changes');
    await saveProfile();

    expect(updates(calls)).toEqual([
      {
        id: '42',
        input: {
          fields: [
            { key: 'nickname', value: 'Amazing Grace' },
            { key: 'newsletter', value: 'false' },
            { key: 'renewal', value: null },
            { key: 'seats', value: '50' },
            { key: 'products', values: ['voice', 'email_channel'] },
          ],
        },
      },
    ]);
    expect(wrapper.get('.profile-form [role="status"]').text()).toBe('Saved');
    await saveProfile();
    expect(updates(calls)).toHaveLength(1);
  });

  it('sends custom fields with the built-in ones, and a cleared drop-down as null', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Name').setValue('Grace B. Hopper');
    await byLabel(wrapper, 'Postal address').setValue('1 Navy Way\nArlington');
    await byLabel(wrapper, 'Contract number').setValue('XYZ-0001');
    await byLabel(wrapper, 'Plan').setValue('free');
    await saveProfile();
    expect(updates(calls)).toEqual([
      {
        id: '42',
        input: {
          name: 'Grace B. Hopper',
          fields: [
            { key: 'address', value: '1 Navy Way\nArlington' },
            { key: 'contract_no', value: 'XYZ-0001' },
            { key: 'plan', value: 'free' },
          ],
        },
      },
    ]);
  });

  it("shows the server's BAD_USER_INPUT for key plan next to the Plan editor", async () => {
    const calls = serveProfile(
      makeUser({ fields: profileValues() }),
      graphQLError('"platinum" is not an option of Plan.', { code: 'BAD_USER_INPUT', field: 'plan' }),
    );
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Plan').setValue('free');
    await saveProfile();
    expect(updates(calls)).toHaveLength(1);
    expect(errorNextTo(wrapper, 'Plan')).toBe('"platinum" is not an option of Plan.');
    expect(byLabel(wrapper, 'Plan').attributes('aria-invalid')).toBe('true');
    expect(errorNextTo(wrapper, 'Nickname')).toBe('');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Plan').element);
    // Editing the field clears its error.
    await byLabel(wrapper, 'Plan').trigger('input');
    expect(errorNextTo(wrapper, 'Plan')).toBe('');
  });

  it('shows an error on a field path such as input.fields.seats next to Seats', async () => {
    serveProfile(
      makeUser({ fields: profileValues() }),
      graphQLError('Seats must be a whole number.', { code: 'BAD_USER_INPUT', field: 'input.fields.seats' }),
    );
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Seats').setValue('4.5');
    await saveProfile();
    expect(errorNextTo(wrapper, 'Seats')).toBe('Seats must be a whole number.');
  });

  it('will not save with a required field left empty', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Plan').setValue('');
    await saveProfile();
    expect(updates(calls)).toEqual([]);
    expect(errorNextTo(wrapper, 'Plan')).toBe('Fill this in: it is required.');
  });

  it('looks up a user as the agent types and saves the chosen id', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    const box = byLabel(wrapper, 'Account manager');
    await box.setValue('Ada');
    await sleep(260);
    await flushPromises();
    expect(callsOf(calls, 'LookupUsers').map((call) => call.variables)).toEqual([{ query: 'Ada', first: 8 }]);
    expect(box.attributes('aria-expanded')).toBe('true');
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((option) => option.find('.listbox__name').text())).toEqual(['Ada King', 'Ada Byron']);
    expect(options[0]!.text()).toContain('ada.king@example.org');
    await box.trigger('keydown', { key: 'ArrowDown' });
    expect(box.attributes('aria-activedescendant')).toBe(options[1]!.attributes('id'));
    await box.trigger('keydown', { key: 'Enter' });
    expect((box.element as HTMLInputElement).value).toBe('Ada Byron');
    expect(box.attributes('aria-expanded')).toBe('false');
    await saveProfile();
    expect(updates(calls)).toEqual([{ id: '42', input: { fields: [{ key: 'account_manager', value: '9' }] } }]);
  });

  it('looks up an organization, and emptying the box clears the choice', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    const reseller = byLabel(wrapper, 'Reseller');
    await reseller.setValue('ini');
    await sleep(260);
    await flushPromises();
    expect(callsOf(calls, 'OrganizationSuggestions').map((call) => call.variables)).toEqual([{ query: 'ini', first: 8 }]);
    await wrapper.get('[role="option"]').trigger('click');
    expect((reseller.element as HTMLInputElement).value).toBe('Initech');
    await byLabel(wrapper, 'Account manager').setValue('');
    await saveProfile();
    expect(updates(calls)).toEqual([
      {
        id: '42',
        input: {
          fields: [
            { key: 'account_manager', value: null },
            { key: 'reseller', value: '5' },
          ],
        },
      },
    ]);
  });

  it('puts back the chosen name when the agent leaves the box without choosing', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    const box = byLabel(wrapper, 'Account manager');
    await box.setValue('Zed');
    await box.trigger('keydown', { key: 'Escape' });
    expect((box.element as HTMLInputElement).value).toBe('Ada Lovelace');
    await saveProfile();
    expect(updates(calls)).toEqual([]);
  });

  it('disables the editors on a profile the viewer may not change', async () => {
    stubGraphQL({
      Me: signedInAs(AGENT_VIEWER),
      User: () => ({ data: { user: makeUser({ role: 'ADMIN', fields: profileValues() }) } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(byLabel(wrapper, 'Nickname').attributes('disabled')).toBeDefined();
    expect(byLabel(wrapper, 'Plan').attributes('disabled')).toBeDefined();
    expect(byLabel(wrapper, 'Account manager').attributes('disabled')).toBeDefined();
  });
});
