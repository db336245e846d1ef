// "Merge into another customer…": any end user into any other, not only the suggested duplicates.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryValueKind } from '../../client/src/graphql/generated/graphql';
import { SUGGEST_DEBOUNCE_MS } from '../../client/src/ui/use-combobox';
import { ADMIN_ON_END_USER, byLabel, callsOf, makeUser, mountApp, stubGraphQL } from './helpers';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gmial = makeUser({ id: '42', name: 'Zoé Martin', email: 'zoe.martin@gmial.com' });
const gmail = { id: '43', name: 'Zoé Martin', email: 'zoe.martin@gmail.com' };

describe('merge into another customer', () => {
  it('picks the customer to keep, shows the preview with this profile merged away, merges, and opens the survivor', async () => {
    const calls = stubGraphQL({
      User: ({ id }) => ({ data: { user: id === '43' ? makeUser({ ...gmail }) : gmial } }),
      RequesterSuggestions: () => ({ data: { users: { edges: [{ node: { id: '42', name: gmial.name, email: gmial.email! } }, { node: gmail }] } } }),
      MergeUsersPreview: () => ({
        data: {
          mergeUsersPreview: {
            source: { id: '42', name: 'Zoé Martin', identities: [] },
            target: { id: '43', name: 'Zoé M.' },
            emails: ['zoe.martin@gmial.com'],
            phones: [],
            tags: [],
            choices: [
              {
                field: 'name',
                title: 'name',
                sourceValue: 'Zoé Martin',
                targetValue: 'Zoé M.',
                sourceDisplay: { kind: HistoryValueKind.Text, value: 'Zoé Martin', label: null, refId: null, gone: false },
                targetDisplay: { kind: HistoryValueKind.Text, value: 'Zoé M.', label: null, refId: null, gone: false },
              },
            ],
            ticketsRequested: 1,
            ticketsCopied: 0,
            historyEntries: 2,
          },
        },
      }),
      MergeUsers: () => ({ data: { mergeUsers: { id: '43' } } }),
    });
    let router;
    ({ wrapper, router } = await mountApp('/users/42'));
    await wrapper.get('[data-action="merge-into"]').trigger('click');
    await flushPromises();
    const picker = wrapper.get('form[data-merge-into]');
    expect(picker.get('h2').text()).toBe('Merge Zoé Martin into another customer');
    // Submitting without a choice says so.
    await picker.trigger('submit');
    await flushPromises();
    expect(picker.text()).toContain('Choose a customer.');

    await byLabel(wrapper, 'Customer to keep').setValue('zoe');
    await pause(SUGGEST_DEBOUNCE_MS + 50);
    await flushPromises();
    // This profile is not offered, nor is adding a new customer.
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((o) => o.text())).toEqual(['Zoé Martinzoe.martin@gmail.com']);
    expect(options[0]!.get('.listbox__detail.email-text').text()).toBe('zoe.martin@gmail.com');
    await options[0]!.trigger('click');
    await picker.trigger('submit');
    await flushPromises();

    expect(callsOf(calls, 'MergeUsersPreview').map((c) => c.variables)).toEqual([{ sourceId: '42', targetId: '43' }]);
    const dialog = wrapper.get('form[data-merge]');
    expect(dialog.get('h2').text()).toBe('Merge Zoé Martin into Zoé M.?');
    expect(dialog.text()).toContain('This profile (Zoé Martin) is deleted; everything below moves to Zoé M.');
    expect(dialog.text()).toContain('Keep Zoé M.’s: Zoé M.');
    expect(dialog.text()).toContain('Take this profile’s: Zoé Martin');
    await dialog.get('[data-choice="name"] input[value="SOURCE"]').setValue(true);
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'MergeUsers').map((c) => c.variables.input)).toEqual([
      { sourceId: '42', targetId: '43', fieldChoices: [{ field: 'name', keep: 'SOURCE' }] },
    ]);
    expect(router!.currentRoute.value.path).toBe('/users/43');
  });

  it('is offered only when the server says this account may be merged (viewerCan.merge)', async () => {
    stubGraphQL({ User: () => ({ data: { user: makeUser({ ...gmial, viewerCan: { ...ADMIN_ON_END_USER, merge: false } }) } }) });
    ({ wrapper } = await mountApp('/users/42'));
    expect(wrapper.find('[data-action="merge-into"]').exists()).toBe(false);
    expect(wrapper.find('[data-action="delete-user"]').exists()).toBe(true);
  });
});
