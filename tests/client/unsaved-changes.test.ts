import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byLabel, cancelDialog, makeUser, mountApp, stubGraphQL } from './helpers';

// Leaving a page with edits not saved asks first (issue 13): links, Back, reload and closing the tab.
let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function serve() {
  const user = makeUser({ notes: 'Prefers mornings' });
  return stubGraphQL({
    User: () => ({ data: { user } }),
    UpdateUser: () => ({ data: { updateUser: { ...user, notes: 'Call after 10' } } }),
  });
}

async function editNotes(): Promise<void> {
  const notes = byLabel(wrapper, 'Notes');
  await notes.setValue('Call after 10');
  await notes.trigger('input');
}

/** The app's leave question, when open. */
const question = () => wrapper.find('dialog[open] form[data-confirm="leave-unsaved"]');

describe('unsaved changes', () => {
  it('asks in the app’s dialog before a link leaves a profile with unsaved edits, and stays when cancelled', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    await editNotes();
    void router.push('/organizations');
    await flushPromises();
    expect(question().get('h2').text()).toBe('Leave without saving?');
    expect(question().text()).toContain('You have changes on this page that are not saved: they will be lost.');
    expect(question().get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    expect(router.currentRoute.value.path).toBe('/users/42');
    await cancelDialog(wrapper);
    expect(question().exists()).toBe(false);
    expect(router.currentRoute.value.path).toBe('/users/42');
    expect((byLabel(wrapper, 'Notes').element as HTMLTextAreaElement).value).toBe('Call after 10');
    // Leave: the page goes, with its edits.
    void router.push('/organizations');
    await flushPromises();
    await question().trigger('submit');
    await flushPromises();
    expect(question().exists()).toBe(false);
    expect(router.currentRoute.value.path).toBe('/organizations');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('Escape stays too', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    await editNotes();
    void router.push('/organizations');
    await flushPromises();
    await question().trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(question().exists()).toBe(false);
    expect(router.currentRoute.value.path).toBe('/users/42');
  });

  it('asks in French when the app is in French', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/users/42', 'fr'));
    await editNotes();
    void router.push('/customers');
    await flushPromises();
    expect(question().get('h2').text()).toBe('Quitter sans enregistrer\u202f?');
    expect(question().get('button[type="submit"]').text()).toBe('Quitter sans enregistrer');
    await cancelDialog(wrapper, 'Annuler');
    expect(router.currentRoute.value.path).toBe('/users/42');
  });

  it('does not ask when nothing changed, or once the edits are saved', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    // A reload or a closed tab with nothing to lose is not held back.
    const untouched = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(untouched);
    expect(untouched.defaultPrevented).toBe(false);
    await editNotes();
    const held = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(held);
    expect(held.defaultPrevented).toBe(true);
    await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
    await flushPromises();
    await router.push('/customers');
    await flushPromises();
    expect(question().exists()).toBe(false);
    expect(router.currentRoute.value.path).toBe('/customers');
  });
});
