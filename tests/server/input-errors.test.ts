import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';
const UPDATE_USER = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id name } }';
const CREATE_ORG = 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }';
const UPDATE_ORG = 'mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { id } }';
const CREATE_FIELD = 'mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { id } }';
const UPDATE_FIELD = 'mutation($id: ID!, $i: UpdateUserFieldInput!) { updateUserField(id: $id, input: $i) { id } }';
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { received } }';

type Answer = Awaited<ReturnType<TestApp['gql']>>;

/** The problems of a refused save: every field with its message, the first also in extensions.field and message. */
function problems(r: Answer): Record<string, string> {
  const error = r.errors?.[0];
  expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  const listed: { field: string; code: string; message: string }[] = error?.extensions?.errors ?? [];
  expect(listed.every((p) => p.code === 'BAD_USER_INPUT')).toBe(true);
  expect(error?.extensions?.field).toBe(listed[0]?.field);
  expect(error?.message).toBe(listed[0]?.message);
  return Object.fromEntries(listed.map((p) => [p.field, p.message]));
}

/** A save reports every invalid field at once (extensions.errors), nothing written. */
describe.each(testDialects())('every invalid field at once on %s', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it('createUser and updateUser list every bad field, in English or in French', async () => {
    const input = { name: 'Zoé\u0007', email: 'zoe@', phone: 'call me', timeZone: 'Mars/Base', tags: ['a,b'] };
    expect(problems(await app.gql(CREATE_USER, { i: input }))).toEqual({
      name: 'Name cannot contain line breaks, tabs or control characters.',
      phone: 'A phone number contains only digits, spaces, ( ) - . and a leading +.',
      timeZone: '"Mars/Base" is not an IANA time zone name such as Europe/Paris.',
      tags: 'A tag cannot contain a comma.',
      email: 'The domain after the @ is missing.',
    });
    const fr = problems(await app.gql(CREATE_USER, { i: input }, { 'accueil-language': 'fr' }));
    expect(Object.keys(fr)).toEqual(['name', 'phone', 'timeZone', 'tags', 'email']);
    expect(fr.email).toBe('Le domaine après le @ manque.');
    expect(fr.name).toBe('Nom\u00a0: ne peut contenir ni saut de ligne, ni tabulation, ni caractère de contrôle.');
    expect((await app.gql('{ users(first: 5, query: "Zoé") { totalCount } }')).data?.users.totalCount).toBe(0);

    const created = await app.gql(CREATE_USER, { i: { name: 'Yann', email: 'yann@acme.io' } });
    const id = created.data.createUser.user.id;
    expect(problems(await app.gql(UPDATE_USER, { id, i: { name: '', locale: 'not a language', externalId: 'x\ny' } }))).toEqual({
      name: 'Name is required.',
      locale: '"not a language" is not a language tag such as en-US or fr.',
      externalId: 'External ID cannot contain line breaks, tabs or control characters.',
    });
    // One bad field: the error as before, with no list.
    const one = await app.gql(UPDATE_USER, { id, i: { timeZone: 'Mars/Base' } });
    expect(one.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect((await app.gql(UPDATE_USER, { id, i: {} })).data.updateUser.name).toBe('Yann');
  });

  it('createOrganization and updateOrganization list every bad field', async () => {
    expect(problems(await app.gql(CREATE_ORG, { i: { name: ' ', domains: ['not a domain'], tags: ['x,y'] } }))).toEqual({
      name: 'Name is required.',
      domains: expect.stringMatching(/^"not a domain" is not a domain name/),
      tags: 'A tag cannot contain a comma.',
    });
    const org = await app.gql(CREATE_ORG, { i: { name: 'Navy' } });
    const both = problems(await app.gql(UPDATE_ORG, { id: org.data.createOrganization.id, i: { externalId: 'a\tb', notes: 'n\u202eb' } }));
    expect(Object.keys(both)).toEqual(['notes', 'externalId']);
  });

  it('createUserField and updateUserField list every bad field', async () => {
    expect(problems(await app.gql(CREATE_FIELD, { i: { key: 'Bad Key', title: ' ', type: 'TEXT', pattern: '.*', lookupTarget: 'USER' } }))).toEqual({
      key: 'A key may contain only lower-case letters (a-z), digits and underscores.',
      title: 'A title is required.',
      pattern: 'Only REGEXP fields have a pattern.',
      lookupTarget: 'Only LOOKUP fields have a lookupTarget.',
    });
    const field = await app.gql(CREATE_FIELD, { i: { key: 'plan', title: 'Plan', type: 'DROPDOWN', options: [{ title: 'Gold', value: 'gold' }] } });
    const id = field.data.createUserField.id;
    expect(problems(await app.gql(UPDATE_FIELD, { id, i: { title: '', options: null, pattern: 'x' } }))).toEqual({
      title: 'A title is required.',
      pattern: 'Only REGEXP fields have a pattern.',
      options: 'A drop-down or multi-select field needs at least one option; give the whole list.',
    });
  });

  it('the help center’s sign-up lists name and email together', async () => {
    const r = await app.as({ kind: 'anonymous' })(SIGN_UP, { i: { name: '\u200b', email: 'nobody@' } }, { 'accept-language': 'fr-FR' });
    expect(Object.keys(problems(r))).toEqual(['name', 'email']);
    expect(problems(r).email).toBe('Le domaine après le @ manque.');
  });
});
