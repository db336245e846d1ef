import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../client/src/locales/en';
import fr from '../../client/src/locales/fr';
import { byLabel, makeUser, mountApp, stubGraphQL, usersPage } from './helpers';

function leaves(messages: object, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) result.set(k, v);
    else result.set(path, value);
  }
  return result;
}

afterEach(() => vi.unstubAllGlobals());

describe('messages', () => {
  it('French has every English message, none empty', () => {
    const english = leaves(en);
    const french = leaves(fr);
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of french) expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
  });

  it('sets French punctuation the French way: a no-break space before : ; ! ? and inside « », never a plain one', () => {
    // A plain space there lets a line break leave the mark alone at the start of the next line.
    const loose = [...leaves(fr)].filter(([, value]) => typeof value === 'string' && /« | »| [:;!?]/.test(value));
    expect(loose.map(([key]) => key)).toEqual([]);
    expect(fr.unsaved.title).toBe('Quitter sans enregistrer\u202f?');
    expect(fr.customers.noMatch).toBe('Aucun client ne correspond à «\u00a0{query}\u00a0»');
  });

  it('names the default order of customers the same on the Customers page and in the save-list dialog', () => {
    for (const messages of [en, fr]) expect(messages.lists.save.sorts.default).toBe(messages.customerSort.default);
    expect(en.customerSort.default).toBe('Best match, then newest');
    expect(fr.customerSort.default).toBe('Pertinence, puis les plus récents');
  });

  it('the app reads in French when French is chosen', async () => {
    stubGraphQL({
      Users: () => usersPage([makeUser()]),
      User: () => ({ data: { user: makeUser() } }),
    });
    const { wrapper, router } = await mountApp('/customers', 'fr');
    expect(wrapper.get('h1').text()).toBe('Clients');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Sélectionner', 'Nom', 'E-mail', 'Organisation', 'Créé le']);
    await router.push('/users/42');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(byLabel(wrapper, 'Fuseau horaire').attributes('role')).toBe('combobox');
    expect(byLabel(wrapper, 'Téléphone principal').attributes('readonly')).toBeDefined();
    wrapper.unmount();
  });

  it('writes counts the reader’s way: narrow no-break spaces in French, commas in English', async () => {
    stubGraphQL({ Users: () => usersPage([makeUser()], { totalCount: 12345, hasNextPage: true }) });
    const french = await mountApp('/customers', 'fr');
    expect(french.wrapper.text()).toContain('12\u202f345 clients');
    french.wrapper.unmount();
    const english = await mountApp('/customers', 'en');
    expect(english.wrapper.text()).toContain('12,345 customers');
    english.wrapper.unmount();
  });

  it('says the page’s language on <html lang> from the chosen one, on every screen, and follows a change', async () => {
    stubGraphQL({ Users: () => usersPage([makeUser()]) });
    // Set by the i18n setup (createAppI18n), not by the language switch: every screen has it.
    const { wrapper, router } = await mountApp('/customers', 'fr');
    expect(document.documentElement.lang).toBe('fr');
    const select = wrapper.get('#interface-locale');
    await select.setValue('en');
    expect(document.documentElement.lang).toBe('en');
    await router.push('/customers');
    expect(document.documentElement.lang).toBe('en');
    wrapper.unmount();
  });

  it('names each language in itself; on a small phone the option shows its code and its name starts with it', async () => {
    stubGraphQL({ Users: () => usersPage([makeUser()]) });
    const wide = await mountApp('/customers', 'fr');
    const options = () => wide.wrapper.findAll('#interface-locale option');
    expect(options().map((o) => [o.text(), o.attributes('aria-label')])).toEqual([
      ['English', undefined],
      ['Français', undefined],
    ]);
    wide.wrapper.unmount();
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(max-width: 420px)', addEventListener() {}, removeEventListener() {} }));
    const phone = await mountApp('/customers', 'fr');
    const shown = phone.wrapper.findAll('#interface-locale option').map((o) => [o.text(), o.attributes('aria-label')]);
    expect(shown).toEqual([
      ['EN', 'EN (English)'],
      ['FR', 'FR (Français)'],
    ]);
    phone.wrapper.unmount();
  });
});
