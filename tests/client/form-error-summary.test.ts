import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAddCustomerDialog } from '../../client/src/users/add-customer-dialog';
import { byLabel, callsOf, errorNextTo, makeUser, mountApp, stubGraphQL, usersPage, type GraphQLCall } from './helpers';

/** The server refuses a save with two invalid fields at once (extensions.errors, the first also in extensions.field). */
function twoProblems(first: string, second: string) {
  return {
    data: null,
    errors: [
      {
        message: first,
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'name',
          errors: [
            { field: 'name', code: 'BAD_USER_INPUT', message: first },
            { field: 'email', code: 'BAD_USER_INPUT', message: second },
          ],
        },
      },
    ],
  };
}

let wrapper: VueWrapper;
let calls: GraphQLCall[];

async function submitAddCustomer(locale: 'en' | 'fr', answer: ReturnType<typeof twoProblems>): Promise<void> {
  calls = stubGraphQL({ Users: () => usersPage([makeUser()]), CreateUser: () => answer });
  ({ wrapper } = await mountApp('/customers', locale));
  useAddCustomerDialog().open();
  await flushPromises();
  const dialog = wrapper.get('dialog[open]');
  await dialog.get('input[name="name"]').setValue('Zoé\u0007');
  await dialog.get('input[name="email"]').setValue('zoe@');
  await dialog.get('button[type="submit"]').trigger('click');
  await flushPromises();
}

afterEach(() => {
  useAddCustomerDialog().close();
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

describe('a form refused with several invalid fields', () => {
  it('shows every field’s error next to it and a summary at the top that links to each', async () => {
    await submitAddCustomer('en', twoProblems('Name contains a control character.', 'The domain after the @ is missing.'));
    expect(errorNextTo(wrapper, 'Name')).toBe('Name contains a control character.');
    expect(errorNextTo(wrapper, 'Email')).toBe('The domain after the @ is missing.');

    const summary = wrapper.get('dialog[open] [role="alert"].error-summary');
    expect(summary.text()).toContain('2 fields need attention');
    expect(wrapper.get(`[id="${summary.attributes('aria-labelledby')}"]`).text()).toBe('2 fields need attention');
    // Before the fields, in reading order.
    const body = wrapper.get('dialog[open] .form-dialog__body').element;
    expect(body.firstElementChild).toBe(summary.element);
    const links = summary.findAll('a');
    expect(links.map((a) => a.text())).toEqual(['Name', 'Email']);
    expect(summary.findAll('li').map((li) => li.text())).toEqual([
      'Name: Name contains a control character.',
      'Email: The domain after the @ is missing.',
    ]);

    // The focus went to the first invalid field; each link moves it to its field.
    expect(document.activeElement).toBe(byLabel(wrapper, 'Name').element);
    await links[1]!.trigger('click');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Email').element);
    expect(links[1]!.attributes('href')).toBe(`#${byLabel(wrapper, 'Email').attributes('id')}`);
    await links[0]!.trigger('click');
    expect(document.activeElement).toBe(byLabel(wrapper, 'Name').element);

    // Fixing one field leaves one problem: no summary for a single field.
    await byLabel(wrapper, 'Email').setValue('zoe@acme.io');
    await byLabel(wrapper, 'Email').trigger('input');
    await flushPromises();
    expect(errorNextTo(wrapper, 'Email')).toBe('');
    expect(wrapper.find('dialog[open] .error-summary').exists()).toBe(false);
  });

  it('in French, asks the server in French (Accueil-Language) and says so in French', async () => {
    await submitAddCustomer('fr', twoProblems('Nom\u00a0: contient un caractère de contrôle.', 'Le domaine après le @ manque.'));
    const create = callsOf(calls, 'CreateUser');
    expect(create).toHaveLength(1);
    expect(create[0]!.headers['accueil-language']).toBe('fr');
    expect(callsOf(calls, 'Users')[0]!.headers['accueil-language']).toBe('fr');
    const summary = wrapper.get('dialog[open] .error-summary');
    expect(summary.text()).toContain('2 champs demandent votre attention');
    expect(summary.findAll('li')[1]!.text()).toBe('E-mail\u00a0: Le domaine après le @ manque.');
  });

  it('in English, sends English', async () => {
    await submitAddCustomer('en', twoProblems('a', 'b'));
    expect(callsOf(calls, 'CreateUser')[0]!.headers['accueil-language']).toBe('en');
  });
});
