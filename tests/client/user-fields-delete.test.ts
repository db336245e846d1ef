import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsOf, cancelDialog, mountApp, openConfirm, stubConfirm } from './helpers';
import { serveDefinitions, pageHelpers } from './user-fields-setup';

// The user fields page: deleting a custom field, asked in the app's own dialog.

let wrapper: VueWrapper;

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const { titles, row, handle } = pageHelpers(() => wrapper);

describe('deleting a user field', () => {
  it('deletes a field after asking in the app’s dialog, keeps it when cancelled, and shows a refusal there', async () => {
    const confirm = stubConfirm(true);
    let refuse = true;
    const calls = serveDefinitions(undefined, {
      get DeleteUserField() {
        return refuse ? { errors: [{ message: 'Only admins manage fields.', extensions: { code: 'FORBIDDEN' } }] } : undefined;
      },
    });
    ({ wrapper } = await mountApp('/settings/user-fields'));
    const ask = () => openConfirm(wrapper, 'delete-user-field');
    const button = row('Contract number').get('[data-action="delete"]');
    expect(button.attributes('aria-label')).toBe('Delete Contract number');
    await button.trigger('click');
    await flushPromises();
    expect(ask().get('h2').text()).toBe('Delete the field “Contract number”?');
    expect(ask().text()).toContain('deactivate it instead');
    expect(ask().get('button[type="submit"]').classes()).toEqual(['button', 'button--danger']);
    await cancelDialog(wrapper);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(callsOf(calls, 'DeleteUserField')).toHaveLength(0);

    await button.trigger('click');
    await flushPromises();
    await ask().trigger('submit');
    await flushPromises();
    expect(ask().get('.notice').text()).toBe('You are not allowed to do this.');
    expect(titles()).toEqual(['Plan', 'Contract number', 'Newsletter']);
    refuse = false;
    await ask().trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'DeleteUserField').map((call) => call.variables)).toEqual([{ id: '2' }, { id: '2' }]);
    expect(wrapper.find('dialog[open]').exists()).toBe(false);
    expect(titles()).toEqual(['Plan', 'Newsletter']);
    expect(wrapper.get('[data-notice]').text()).toBe('Field “Contract number” deleted.');
    expect(document.activeElement).toBe(handle('Newsletter').element);
    expect(confirm).not.toHaveBeenCalled();
  });
});
