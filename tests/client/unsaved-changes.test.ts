import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byLabel, makeUser, mountApp, stubGraphQL } from './helpers';

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

describe('unsaved changes', () => {
  it('asks before a link leaves a profile with unsaved edits, and stays when the answer is no', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await editNotes();
    await router.push('/organizations');
    await flushPromises();
    expect(confirm).toHaveBeenCalledWith('You have changes that are not saved. Leave this page and lose them?');
    expect(router.currentRoute.value.path).toBe('/users/42');
    expect((byLabel(wrapper, 'Notes').element as HTMLTextAreaElement).value).toBe('Call after 10');
    // Yes: the page goes, with its edits.
    confirm.mockReturnValue(true as never);
    await router.push('/organizations');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/organizations');
  });

  it('asks in French when the app is in French', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/users/42', 'fr'));
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await editNotes();
    await router.back();
    await router.push('/customers');
    await flushPromises();
    expect(confirm).toHaveBeenCalledWith('Des modifications ne sont pas enregistrées. Quitter cette page et les perdre ?');
  });

  it('does not ask when nothing changed, or once the edits are saved', async () => {
    serve();
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
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
    expect(confirm).not.toHaveBeenCalled();
    expect(router.currentRoute.value.path).toBe('/customers');
  });
});
