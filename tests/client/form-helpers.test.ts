import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, NetworkError } from '../../client/src/graphql/client';
import { fieldMessages, toFormErrors } from '../../client/src/graphql/errors';
import { changedFields, parseTags, toDraft } from '../../client/src/users/user-draft';
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
    const draft = { ...toDraft(user), organization: '', alias: ' Gee ', email: 'grace@navy.mil' };
    expect(changedFields(user, draft)).toEqual({ organization: null, alias: ' Gee ', email: 'grace@navy.mil' });
  });

  it('sends tags as a list, [] to remove them all', () => {
    const user = makeUser({ tags: ['vip', 'billing'] });
    expect(changedFields(user, { ...toDraft(user), tags: 'billing, vip' })).toEqual({ tags: ['billing', 'vip'] });
    expect(changedFields(user, { ...toDraft(user), tags: ' , ' })).toEqual({ tags: [] });
    expect(parseTags(' a ,b,, a ')).toEqual(['a', 'b']);
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
