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

  it('the app reads in French when French is chosen', async () => {
    stubGraphQL({
      Users: () => usersPage([makeUser()]),
      User: () => ({ data: { user: makeUser() } }),
    });
    const { wrapper, router } = await mountApp('/customers', 'fr');
    expect(wrapper.get('h1').text()).toBe('Clients');
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Nom', 'E-mail', 'Organisation', 'Créé le']);
    await router.push('/users/42');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(byLabel(wrapper, 'Fuseau horaire').element.tagName).toBe('SELECT');
    expect(byLabel(wrapper, 'Téléphone principal').attributes('readonly')).toBeDefined();
    wrapper.unmount();
  });
});
