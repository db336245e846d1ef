import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGENT_VIEWER, byLabel, callsOf, errorNextTo, graphQLError, makeUser, mountApp, signedInAs, stubGraphQL, NOTHING_ON_USER } from './helpers';
import { PROFILE_FIELDS, profileValues, serveProfile, updates, value } from './user-fields-setup';

// Custom fields on the profile: one editor per type, what is sent, and the errors shown.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Submits the form as Enter in a field does (a clean form has no Save button). */
async function submitForm(): Promise<void> {
  await wrapper.get('form.profile-form').trigger('submit');
  await flushPromises();
}

async function saveProfile(): Promise<void> {
  await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
  await flushPromises();
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
    // Nothing left to save: no Save button, and submitting the form (Enter) sends nothing.
    expect(wrapper.find('form.profile-form button[type="submit"]').exists()).toBe(false);
    await submitForm();
    expect(updates(calls)).toHaveLength(1);
  });

  it('types and shows numbers the French way in French, and sends plain decimals', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42', 'fr'));
    expect((byLabel(wrapper, 'Discount').element as HTMLInputElement).value).toBe('12,5');

    // A point is ambiguous in French: a clear error, nothing sent.
    await byLabel(wrapper, 'Discount').setValue('1.234');
    await byLabel(wrapper, 'Seats').setValue('12,5');
    await saveProfile();
    expect(updates(calls)).toEqual([]);
    expect(errorNextTo(wrapper, 'Discount')).toBe('Écrivez les décimales avec une virgule et les milliers avec des espaces, par ex. 1 234,5.');
    expect(errorNextTo(wrapper, 'Seats')).toBe('Saisissez un nombre entier, sans décimales.');

    await byLabel(wrapper, 'Discount').setValue('1 234,75');
    await byLabel(wrapper, 'Seats').setValue('1\u202f200');
    await saveProfile();
    expect(updates(calls)).toEqual([
      {
        id: '42',
        input: {
          fields: [
            { key: 'seats', value: '1200' },
            { key: 'discount', value: '1234.75' },
          ],
        },
      },
    ]);
  });

  it('refuses a French decimal comma in English, and reads "1,234.5"', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Discount').setValue('12,5');
    await saveProfile();
    expect(updates(calls)).toEqual([]);
    expect(errorNextTo(wrapper, 'Discount')).toBe('Write decimals with a point and thousands with commas or spaces, e.g. 1,234.5.');
    await byLabel(wrapper, 'Discount').setValue('1,234.5');
    await saveProfile();
    expect(updates(calls)).toEqual([{ id: '42', input: { fields: [{ key: 'discount', value: '1234.5' }] } }]);
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
      graphQLError('Seats can have at most 12 digits.', { code: 'BAD_USER_INPUT', field: 'input.fields.seats' }),
    );
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Seats').setValue('1234567890123');
    await saveProfile();
    expect(errorNextTo(wrapper, 'Seats')).toBe('Seats can have at most 12 digits.');
  });

  it('will not save with a required field left empty', async () => {
    const calls = serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Plan').setValue('');
    await saveProfile();
    expect(updates(calls)).toEqual([]);
    expect(errorNextTo(wrapper, 'Plan')).toBe('Fill this in: it is required.');
  });

  it('names the required fields without a value in a banner, links to each, and saves other changes anyway', async () => {
    const fields = profileValues().map((v) => (v.key === 'plan' ? value(PROFILE_FIELDS.dropdown) : v));
    const calls = serveProfile(makeUser({ fields }));
    ({ wrapper } = await mountApp('/users/42'));
    const banner = wrapper.get('[data-missing-fields]');
    expect(banner.text()).toContain('Required fields without a value: Plan.');
    expect(banner.text()).toContain('Other changes still save');
    const link = banner.get('a');
    expect(link.attributes('href')).toBe('#user-field-plan');
    await link.trigger('click');
    expect(document.activeElement?.id).toBe('user-field-plan');

    // A save that does not touch it goes through (the server's rule too).
    await byLabel(wrapper, 'Nickname').setValue('Amazing Grace');
    await saveProfile();
    expect(updates(calls)).toEqual([{ id: '42', input: { fields: [{ key: 'nickname', value: 'Amazing Grace' }] } }]);
    expect(errorNextTo(wrapper, 'Plan')).toBe('');

    // Filled in: the banner goes.
    await byLabel(wrapper, 'Plan').setValue('gold');
    await saveProfile();
    expect(wrapper.find('[data-missing-fields]').exists()).toBe(false);
  });

  it('has no banner when every required field has a value, and reads in French', async () => {
    serveProfile(makeUser({ fields: profileValues() }));
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.find('[data-missing-fields]').exists()).toBe(false);
    wrapper.unmount();
    const fields = profileValues().map((v) => (v.key === 'plan' ? value(PROFILE_FIELDS.dropdown) : v));
    serveProfile(makeUser({ fields }));
    ({ wrapper } = await mountApp('/users/42', 'fr'));
    expect(wrapper.get('[data-missing-fields]').text()).toContain('Champs obligatoires sans valeur\u00a0: Plan.');
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
    expect(wrapper.find('form.profile-form button[type="submit"]').exists()).toBe(false);
    await submitForm();
    expect(updates(calls)).toEqual([]);
  });

  it('disables the editors on a profile the viewer may not change', async () => {
    stubGraphQL({
      Me: signedInAs(AGENT_VIEWER),
      User: () => ({ data: { user: makeUser({ role: 'ADMIN', fields: profileValues(), viewerCan: NOTHING_ON_USER }) } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    expect(byLabel(wrapper, 'Nickname').attributes('disabled')).toBeDefined();
    expect(byLabel(wrapper, 'Plan').attributes('disabled')).toBeDefined();
    expect(byLabel(wrapper, 'Account manager').attributes('disabled')).toBeDefined();
  });
});
