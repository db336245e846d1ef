import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryValueKind, type UpdateUserInput, type UserProfileFragment } from '../../client/src/graphql/generated/graphql';
import { byLabel, callsOf, duplicateHandlers, makeUser, mountApp, stubGraphQL } from './helpers';

// Two people, one profile: the form sends the version it read; a CONFLICT shows both values side by
// side, the other person's other changes come in, and nothing typed here is lost.

let wrapper: VueWrapper;
afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

const opened = makeUser({ notes: 'Prefers mornings', alias: 'Amazing Grace', version: 1 });
/** What Bob saved meanwhile: the notes, and the alias. */
const bobSaved: UserProfileFragment = { ...opened, notes: 'Call after 5pm', alias: 'Admiral', version: 2 };

function serve() {
  let current = opened;
  let conflictSent = false;
  const calls = stubGraphQL({
    User: () => ({ data: { user: current } }),
    UpdateUser: ({ input, expectedVersion }) => {
      if (expectedVersion === 1 && !conflictSent) {
        conflictSent = true;
        current = bobSaved;
        return {
          errors: [
            {
              message: 'Someone else changed notes since you opened this record. Choose which value to keep.',
              extensions: {
                code: 'CONFLICT',
                conflicts: [
                  {
                    field: 'notes',
                    theirValue: 'Call after 5pm',
                    yourValue: 'VIP since 2020',
                    changedBy: { id: '7', name: 'Bob Agent' },
                    changedAt: '2026-11-30T10:00:00.000Z',
                  },
                ],
              },
            },
          ],
        };
      }
      current = { ...current, ...(input as Partial<UserProfileFragment>), version: current.version + 1 } as UserProfileFragment;
      return { data: { updateUser: current } };
    },
  });
  return calls;
}

async function save(): Promise<void> {
  await wrapper.get('form.profile-form button[type="submit"]').trigger('click');
  await flushPromises();
}

const sent = (calls: ReturnType<typeof serve>) =>
  callsOf(calls, 'UpdateUser').map((c) => ({ input: c.variables.input as UpdateUserInput, expectedVersion: c.variables.expectedVersion }));

describe('profile conflicts', () => {
  it('shows both values, keeps the other side’s other changes, and saves the choice without losing either text', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Notes').setValue('VIP since 2020');
    await byLabel(wrapper, 'Name').setValue('Grace B. Hopper');
    await save();
    const panel = wrapper.get('[data-conflict="notes"]');
    expect(panel.get('h3').text()).toBe('Notes');
    expect(panel.get('[data-theirs]').text()).toBe('Call after 5pm');
    expect(panel.get('[data-yours]').text()).toBe('VIP since 2020');
    expect(panel.text()).toContain('Saved by Bob Agent');
    // Bob's alias came in; what was typed here stays.
    expect((byLabel(wrapper, 'Alias').element as HTMLInputElement).value).toBe('Admiral');
    expect((byLabel(wrapper, 'Name').element as HTMLInputElement).value).toBe('Grace B. Hopper');
    expect((byLabel(wrapper, 'Notes').element as HTMLTextAreaElement).value).toBe('VIP since 2020');
    await panel.get('[data-keep="both"]').trigger('click');
    expect(wrapper.find('[data-conflicts]').exists()).toBe(false);
    await save();
    expect(sent(calls)).toEqual([
      { input: { name: 'Grace B. Hopper', notes: 'VIP since 2020' }, expectedVersion: 1 },
      { input: { name: 'Grace B. Hopper', notes: 'VIP since 2020\n\nCall after 5pm' }, expectedVersion: 2 },
    ]);
  });

  it('keeps theirs: the field is no longer sent', async () => {
    const calls = serve();
    ({ wrapper } = await mountApp('/users/42'));
    await byLabel(wrapper, 'Notes').setValue('VIP since 2020');
    await byLabel(wrapper, 'Name').setValue('Grace B. Hopper');
    await save();
    await wrapper.get('[data-conflict="notes"] [data-keep="theirs"]').trigger('click');
    expect((byLabel(wrapper, 'Notes').element as HTMLTextAreaElement).value).toBe('Call after 5pm');
    await save();
    expect(sent(calls)[1]).toEqual({ input: { name: 'Grace B. Hopper' }, expectedVersion: 2 });
  });
});

describe('earlier notes', () => {
  it('lists the earlier versions of the notes, and restores one from the version shown', async () => {
    const user = makeUser({ notes: 'Call after 5pm', version: 3 });
    const calls = stubGraphQL({
      User: () => ({ data: { user } }),
      TextVersions: () => ({
        data: {
          user: {
            id: '42',
            notes: [
              { version: 3, value: 'Call after 5pm', changedAt: '2026-11-30T10:00:00.000Z', changedBy: { id: '7', name: 'Bob Agent' } },
              { version: 2, value: 'Prefers mornings', changedAt: '2026-11-29T10:00:00.000Z', changedBy: { id: '8', name: 'Ann Agent' } },
            ],
            details: [],
          },
        },
      }),
      UpdateUser: ({ input }) => ({ data: { updateUser: { ...user, ...(input as object), version: 4 } } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    const versions = wrapper.get('[data-text-versions]');
    // The current text is not offered again.
    expect(versions.findAll('li').map((li) => li.attributes('data-version'))).toEqual(['notes-2']);
    expect(versions.text()).toContain('Prefers mornings');
    expect(versions.text()).toContain('Saved by Ann Agent');
    await versions.get('[data-version="notes-2"] button').trigger('click');
    await flushPromises();
    expect(sent(calls as ReturnType<typeof serve>)).toEqual([{ input: { notes: 'Prefers mornings' }, expectedVersion: 3 }]);
    expect((byLabel(wrapper, 'Notes').element as HTMLTextAreaElement).value).toBe('Prefers mornings');
  });
});

describe('possible duplicates', () => {
  it('suggests them on the profile and merges one after the preview, with the choices made', async () => {
    const user = makeUser({ notes: 'Target notes' });
    const calls = stubGraphQL({
      User: () => ({ data: { user } }),
      ...duplicateHandlers({
        emails: ['gh@navy.example.org'],
        phones: ['+14155550111'],
        tags: ['beta'],
        choices: [
          {
            field: 'notes',
            title: 'notes',
            sourceValue: 'Source notes',
            targetValue: 'Target notes',
            sourceDisplay: { kind: HistoryValueKind.Text, value: 'Source notes', label: null, refId: null, gone: false },
            targetDisplay: { kind: HistoryValueKind.Text, value: 'Target notes', label: null, refId: null, gone: false },
          },
        ],
        ticketsRequested: 2,
        ticketsCopied: 1,
        historyEntries: 5,
      }),
      MergeUsers: () => ({ data: { mergeUsers: { id: '42' } } }),
    });
    ({ wrapper } = await mountApp('/users/42'));
    // The address through EmailText (it may wrap after the @), the number as the server shows it, never as stored.
    const duplicate = wrapper.get('[data-duplicate="77"]');
    expect(duplicate.get('.duplicates__muted').text()).toBe('gh@navy.example.org · +1 415 555 0111');
    expect(duplicate.find('.email-text wbr').exists()).toBe(true);
    await duplicate.get('button').trigger('click');
    await flushPromises();
    const dialog = wrapper.get('form[data-merge]');
    expect(dialog.get('h2').text()).toBe('Merge G. Hopper into Grace Hopper?');
    expect(dialog.text()).toContain('Email addresses: gh@navy.example.org');
    expect(dialog.text()).toContain('Phone numbers: +1 415 555 0111');
    expect(dialog.text()).toContain('Tickets: 2 requested, 1 CC’d');
    expect(dialog.text()).toContain('History: 5 entries');
    await dialog.get('[data-choice="notes"] input[value="SOURCE"]').setValue(true);
    await dialog.trigger('submit');
    await flushPromises();
    expect(callsOf(calls, 'MergeUsers').map((c) => c.variables.input)).toEqual([
      { sourceId: '77', targetId: '42', fieldChoices: [{ field: 'notes', keep: 'SOURCE' }] },
    ]);
    // The profile loads again, with what moved.
    expect(callsOf(calls, 'User').length).toBeGreaterThanOrEqual(2);
  });
});
