import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byLabel, callsOf, mountApp, signedInAs, stubGraphQL } from './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('public request form: the email typed', () => {
  it('offers the common mail domain a typo was probably meant to be, and sends the one taken', async () => {
    const calls = stubGraphQL({
      Me: signedInAs(null),
      HelpCenter: () => ({ data: { helpCenter: { deskName: 'Acme Support', signUpOpen: true } } }),
      SubmitRequest: () => ({ data: { submitRequest: { received: true } } }),
    });
    const { wrapper } = await mountApp('/requests/new', 'fr');
    await byLabel(wrapper, 'Votre nom').setValue('Zoé Martin');
    await byLabel(wrapper, 'Votre adresse e-mail').setValue('zoe@gmial.com');
    const hint = wrapper.get('[data-suggestion]');
    expect(hint.text()).toBe('Vouliez-vous dire zoe@gmail.com\u202f?');
    await hint.get('button').trigger('click');
    expect((byLabel(wrapper, 'Votre adresse e-mail').element as HTMLInputElement).value).toBe('zoe@gmail.com');
    expect(wrapper.find('[data-suggestion]').exists()).toBe(false);
    await byLabel(wrapper, 'Objet').setValue('Colis');
    await byLabel(wrapper, 'Description').setValue('Mon colis est en retard.');
    await wrapper.get('form[data-form="request"]').trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'SubmitRequest').map((c) => (c.variables.input as { email: string }).email)).toEqual(['zoe@gmail.com']);
  });
});
