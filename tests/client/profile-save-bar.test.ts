import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { byLabel, callsOf, makeUser, mountApp, stubGraphQL } from './helpers';

// A record's save bar (FormSaveBar with `whenDirty`, through RecordForm): no Save and nothing stuck to the
// bottom of the screen while the profile has no unsaved change; Save, Discard and "Unsaved changes" with the
// first one; "Saved" in its place after a save, with the focus on it when Save had it; back after an error.

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const grace = makeUser({ alias: 'Amazing Grace', version: 1 });

function serve(update?: () => object) {
  let current: UserProfileFragment = grace;
  return stubGraphQL({
    User: () => ({ data: { user: current } }),
    UpdateUser: ({ input }) => {
      if (update) return update();
      current = { ...current, ...(input as Partial<UserProfileFragment>), version: current.version + 1 } as UserProfileFragment;
      return { data: { updateUser: current } };
    },
  });
}

const bar = () => wrapper.get('form.profile-form .save-bar');
const saveButton = () => wrapper.find('form.profile-form button[type="submit"]');
const status = () => bar().get('[role="status"]');

describe('profile save bar', () => {
  it('steps aside while nothing changed, comes with the first change, and goes again on Discard', async () => {
    serve();
    ({ wrapper } = await mountApp('/users/42'));
    expect(bar().classes()).toContain('save-bar--quiet');
    expect(bar().classes()).not.toContain('save-bar--sticky');
    expect(saveButton().exists()).toBe(false);
    expect(status().text()).toBe('');

    await byLabel(wrapper, 'Alias').setValue('Admiral');
    expect(bar().classes()).toEqual(expect.arrayContaining(['save-bar', 'save-bar--sticky']));
    expect(bar().classes()).not.toContain('save-bar--quiet');
    expect(saveButton().text()).toBe('Save');
    expect(status().text()).toBe('Unsaved changes');

    // Typed back to what it was: nothing to save again.
    await byLabel(wrapper, 'Alias').setValue('Amazing Grace');
    expect(saveButton().exists()).toBe(false);

    await byLabel(wrapper, 'Alias').setValue('Admiral');
    const discard = wrapper.findAll('form.profile-form button').find((b) => b.text() === 'Discard changes');
    await discard!.trigger('click');
    await flushPromises();
    expect((byLabel(wrapper, 'Alias').element as HTMLInputElement).value).toBe('Amazing Grace');
    expect(saveButton().exists()).toBe(false);
  });

  it('says Saved once saved, and moves the focus from Save to that line', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Alias').setValue('Admiral');
    (saveButton().element as HTMLButtonElement).focus();
    await saveButton().trigger('click');
    await flushPromises();
    expect(callsOf(calls, 'UpdateUser').map((call) => call.variables.input)).toEqual([{ alias: 'Admiral' }]);
    expect(saveButton().exists()).toBe(false);
    expect(status().text()).toBe('Saved');
    expect(document.activeElement).toBe(status().element);
    expect(bar().classes()).not.toContain('save-bar--sticky');
  });

  it('stays, with Save, when the save fails', async () => {
    serve(() => ({ errors: [{ message: 'The database is busy.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Alias').setValue('Admiral');
    await saveButton().trigger('click');
    await flushPromises();
    expect(saveButton().exists()).toBe(true);
    expect(bar().classes()).toContain('save-bar--sticky');
  });

  it('speaks French', async () => {
    serve();
    ({ wrapper } = await mountApp('/users/42', 'fr'));
    expect(saveButton().exists()).toBe(false);
    await byLabel(wrapper, 'Alias').setValue('Admiral');
    expect(saveButton().text()).toBe('Enregistrer');
    expect(status().text()).toBe('Modifications non enregistrées');
  });
});
