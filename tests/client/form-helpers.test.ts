import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, NetworkError } from '../../client/src/graphql/client';
import { fieldMessages, toFormErrors } from '../../client/src/graphql/errors';
import { changedFields, rebaseDraft, toDraft } from '../../client/src/users/user-draft';
import { cityName, utcOffset } from '../../client/src/users/time-zones';
import { makeUser } from './helpers';

describe('toFormErrors', () => {
  it('maps errors to the field they name, others to general', () => {
    const errors = toFormErrors(
      new GraphQLRequestError(
        [
          { message: 'Bad phone', extensions: { code: 'BAD_USER_INPUT', field: 'phone' } },
          { message: 'Bad zone', extensions: { code: 'BAD_USER_INPUT', field: 'input.timeZone' } },
          { message: 'Bad role', extensions: { code: 'BAD_USER_INPUT', field: 'role' } },
          { message: 'Oops', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
        200,
      ),
      ['phone', 'timeZone'],
    );
    expect(fieldMessages(errors)).toEqual({ phone: 'Bad phone', timeZone: 'Bad zone' });
    expect(errors.general.map((e) => e.code)).toEqual(['BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR']);
  });

  it('keeps the existing user of EMAIL_TAKEN', () => {
    const errors = toFormErrors(
      new GraphQLRequestError(
        [{ message: 'taken', extensions: { code: 'EMAIL_TAKEN', field: 'email', existingUserId: 3, existingUserName: 'Ada' } }],
        200,
      ),
      ['email'],
    );
    expect(errors.fields.email).toEqual({ code: 'EMAIL_TAKEN', message: 'taken', existingUserId: '3', existingUserName: 'Ada' });
  });

  it('shows every problem of `extensions.errors` next to its field, the first with its details', () => {
    const errors = toFormErrors(
      new GraphQLRequestError(
        [
          {
            message: 'This address belongs to Ada.',
            extensions: {
              code: 'EMAIL_TAKEN',
              field: 'input.email',
              existingUserId: 3,
              errors: [
                { field: 'input.email', code: 'EMAIL_TAKEN', message: 'This address belongs to Ada.' },
                { field: 'input.phone', code: 'BAD_USER_INPUT', message: 'Not a phone number.' },
                { field: 'input.name', code: 'BAD_USER_INPUT', message: 'A name is required.' },
                { field: 'input.shoeSize', code: 'BAD_USER_INPUT', message: 'No such field.' },
              ],
            },
          },
        ],
        200,
      ),
      ['name', 'email', 'phone'],
    );
    expect(errors.fields).toEqual({
      email: { code: 'EMAIL_TAKEN', message: 'This address belongs to Ada.', existingUserId: '3' },
      phone: { code: 'BAD_USER_INPUT', message: 'Not a phone number.' },
      name: { code: 'BAD_USER_INPUT', message: 'A name is required.' },
    });
    expect(errors.general).toEqual([{ code: 'BAD_USER_INPUT', message: 'No such field.' }]);
  });

  it('turns a network failure into a general NETWORK_ERROR', () => {
    expect(toFormErrors(new NetworkError('down'), []).general).toEqual([{ code: 'NETWORK_ERROR', message: 'down' }]);
  });
});

describe('changedFields', () => {
  it('is empty for an untouched draft', () => {
    const user = makeUser({ tags: [], organization: null });
    expect(changedFields(user, toDraft(user))).toEqual({});
  });

  it('sends emptied text as null and edited text as typed', () => {
    const user = makeUser();
    const draft = { ...toDraft(user), details: '', notes: '', alias: ' Gee ' };
    expect(changedFields({ ...user, notes: 'old' }, draft)).toEqual({ notes: null, alias: ' Gee ' });
    // The primary email and phone are not the form's: they change in Contacts.
    expect(Object.keys(toDraft(user))).not.toContain('email');
    expect(Object.keys(toDraft(user))).not.toContain('phone');
  });

  it('sends the organization as organizationId, null to clear it', () => {
    const user = makeUser();
    expect(changedFields(user, { ...toDraft(user), organization: { id: '8', name: 'Army' } })).toEqual({ organizationId: '8' });
    expect(changedFields(user, { ...toDraft(user), organization: null })).toEqual({ organizationId: null });
    expect(changedFields(user, { ...toDraft(user), organization: { id: '7', name: 'Navy' } })).toEqual({});
  });

  it('sends tags as a list, [] to remove them all', () => {
    const user = makeUser({ tags: ['vip', 'billing'] });
    expect(changedFields(user, { ...toDraft(user), tags: ['billing', 'vip'] })).toEqual({ tags: ['billing', 'vip'] });
    expect(changedFields(user, { ...toDraft(user), tags: [] })).toEqual({ tags: [] });
  });

  it('keeps unsaved edits when the user changes on the server', () => {
    const before = makeUser();
    const after = makeUser({ details: 'Written meanwhile', alias: 'Amazing Grace' });
    const draft = { ...toDraft(before), notes: 'Typed, not saved', alias: 'Gee' };
    const rebased = rebaseDraft(before, after, draft);
    expect(rebased.notes).toBe('Typed, not saved');
    expect(rebased.alias).toBe('Gee');
    expect(rebased.details).toBe('Written meanwhile');
    expect(changedFields(after, rebased)).toEqual({ notes: 'Typed, not saved', alias: 'Gee' });
  });
});

describe('time zone labels', () => {
  it('names the city and its offset', () => {
    expect(cityName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires, Argentina');
    expect(utcOffset('UTC')).toBe('UTC+00:00');
    expect(utcOffset('Asia/Kolkata')).toBe('UTC+05:30');
    expect(utcOffset('Not/AZone')).toBe('');
  });
});
