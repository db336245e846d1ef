import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';
const UPDATE_SETTINGS = 'mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }';

/** Server messages in the asker's language: the app's header (Accueil-Language), then Accept-Language, then English. */
describe.each(testDialects())('server messages by language on %s', (dialect) => {
  let app: TestApp;
  const bad = { name: 'Zoé', email: 'zoe@' };

  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it('answers the same bad input in English by default and in French by Accept-Language', async () => {
    const english = await app.gql(CREATE_USER, { i: bad });
    expect(english.errors?.[0]).toMatchObject({
      message: 'The domain after the @ is missing.',
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    const french = await app.gql(CREATE_USER, { i: bad }, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(french.errors?.[0]).toMatchObject({ message: 'Le domaine après le @ manque.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
    // A language the server does not write: English.
    expect((await app.gql(CREATE_USER, { i: bad }, { 'accept-language': 'de-DE' })).errors?.[0].message).toBe('The domain after the @ is missing.');
  });

  it('takes the app’s language (Accueil-Language) before Accept-Language', async () => {
    const french = await app.gql(CREATE_USER, { i: bad }, { 'accueil-language': 'fr', 'accept-language': 'en-US' });
    expect(french.errors?.[0].message).toBe('Le domaine après le @ manque.');
    const english = await app.gql(CREATE_USER, { i: bad }, { 'accueil-language': 'en', 'accept-language': 'fr' });
    expect(english.errors?.[0].message).toBe('The domain after the @ is missing.');
  });

  it('translates every problem of extensions.errors, with the field names and numbers of the language', async () => {
    const input = { i: { deskName: '', blockList: ['not a domain'], welcomeSubject: '' } };
    const en = await app.as(app.admin)(UPDATE_SETTINGS, input);
    const fr = await app.as(app.admin)(UPDATE_SETTINGS, input, { 'accueil-language': 'fr' });
    const fields = en.errors?.[0].extensions?.errors.map((e: { field: string }) => e.field);
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(fr.errors?.[0].extensions?.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(en.errors?.[0].extensions?.errors.map((e: { message: string }) => e.message)).toContain('Desk name is required.');
    const frMessages = fr.errors?.[0].extensions?.errors.map((e: { message: string }) => e.message);
    expect(frMessages).toContain('Le nom du service est obligatoire.');
    expect(frMessages).toContain('L’objet est obligatoire.');
    expect(frMessages.join(' ')).toContain('n’est ni un domaine');
    // The first problem stays in message and extensions.field.
    expect(fr.errors?.[0].message).toBe(frMessages[0]);
    expect(fr.errors?.[0].extensions?.field).toBe(fields[0]);
    const long = { i: { name: 'Ana', email: 'ana@acme.io', notes: 'x'.repeat(100_001) } };
    expect((await app.gql(CREATE_USER, long)).errors?.[0].message).toBe('Notes can be at most 65,535 characters.');
    expect((await app.gql(CREATE_USER, long, { 'accueil-language': 'fr' })).errors?.[0].message).toBe('Notes\u00a0: au plus 65\u202f535 caractères.');
  });

  it('writes refusals and missing records in French too', async () => {
    const endUser = await app.person('END_USER');
    const refused = await app.as(endUser.auth)('{ users(first: 5) { edges { node { id } } } }', {}, { 'accept-language': 'fr' });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Seuls les agents et les administrateurs peuvent lister les utilisateurs.',
      extensions: { code: 'FORBIDDEN' },
    });
    // A rule's refusal about one record (here: deleting one's own account), in both languages.
    const agent = await app.person('AGENT');
    const own = (lang: string) => app.as(agent.auth)('mutation($id: ID!) { deleteUser(id: $id) }', { id: agent.id }, { 'accept-language': lang });
    expect((await own('fr')).errors?.[0]).toMatchObject({
      message: 'Vous ne pouvez pas supprimer votre propre compte.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await own('en')).errors?.[0].message).toBe('You cannot delete your own account.');
    const anonymous = await app.as({ kind: 'anonymous' })('{ users(first: 5) { edges { node { id } } } }', {}, { 'accept-language': 'fr' });
    expect(anonymous.errors?.[0]).toMatchObject({ message: 'Connectez-vous d’abord.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('writes warnings, a batch’s problems, bulk failures and a refused token in the asker’s language, each request in its own', async () => {
    const fr = { 'accueil-language': 'fr' };
    const reserved = { name: 'Réservé', email: `res.${dialect}@example.invalid` };
    const WARN = 'mutation($i: CreateUserInput!) { createUser(input: $i) { warnings { code message } } }';
    const BATCH = 'mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { status errors { field message } } }';
    const BULK = 'mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { failed { code message } } }';
    // French and English requests at the same time: each answer in its asker's language.
    const [warnFr, batchEn, batchFr, bulkFr, bulkEn] = await Promise.all([
      app.as(app.admin)(WARN, { i: reserved }, fr),
      app.as(app.admin)(BATCH, { i: [bad] }),
      app.as(app.admin)(BATCH, { i: [bad] }, fr),
      app.as(app.admin)(BULK, { i: { ids: ['nope'], addTags: ['x'] } }, fr),
      app.as(app.admin)(BULK, { i: { ids: ['nope'], addTags: ['x'] } }),
    ]);
    expect(warnFr.data.createUser.warnings).toEqual([
      {
        code: 'UNDELIVERABLE_RESERVED',
        message: `example.invalid est un domaine réservé\u00a0: le compte est gardé, mais aucun e-mail n’est jamais envoyé à ${reserved.email}.`,
      },
    ]);
    expect(batchEn.data.createUsers[0].errors).toEqual([{ field: 'email', message: 'The domain after the @ is missing.' }]);
    expect(batchFr.data.createUsers[0].errors).toEqual([{ field: 'email', message: 'Le domaine après le @ manque.' }]);
    expect(bulkFr.data.bulkUpdateUsers.failed).toEqual([{ code: 'NOT_FOUND', message: 'Aucun utilisateur n’a cet identifiant.' }]);
    expect(bulkEn.data.bulkUpdateUsers.failed).toEqual([{ code: 'NOT_FOUND', message: 'There is no user with this id.' }]);
    // A token refused before anything runs (the context): still the asker's language.
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer acc_not-a-token', 'accept-language': 'fr' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].message).toBe('Ce jeton d’API n’est pas valide (inconnu, révoqué, ou son créateur n’est plus actif).');
  });

  it('answers the REST endpoints (export, import) in the asker’s language', async () => {
    const csv = await fetch(`${app.url}/exports/users.csv?suspended=maybe`, { headers: { cookie: app.admin.cookie, 'accept-language': 'fr' } });
    expect(csv.status).toBe(400);
    expect((await csv.json()).errors[0].message).toBe('suspended vaut true ou false.');
    const upload = await fetch(`${app.url}/imports/users`, {
      method: 'POST',
      headers: { cookie: app.admin.cookie, 'x-accueil-csrf': '1', 'content-type': 'text/plain', 'accueil-language': 'fr' },
      body: 'name,email\n',
    });
    expect(upload.status).toBe(400);
    expect((await upload.json()).errors[0].message).toBe('Envoyez le fichier en multipart/form-data dans le champ "file".');
  });
});
