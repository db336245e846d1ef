import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ok, refused } from '../helpers/answers.js';
import { testDialects } from '../helpers/databases.js';

/**
 * Text that people type, over the real HTTP API on both databases: inputs
 * whose normalized key grows past its column, Unicode variants of one email
 * address, bidi controls, invisible names, lone surrogates (sent as JSON
 * "\ud800" escapes), and echoed input in errors.
 */
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id name alias externalId tags details notes email } } }';
/** What an end user may read of themself. */
const UPDATE_OWN_NAME = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id name } }';
const CREATE_ORG = 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id name externalId tags } }';
const CREATE_FIELD = 'mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { id key title options { title value } } }';
const ADD_IDENTITY = 'mutation($u: ID!, $v: String!) { addUserIdentity(userId: $u, input: { type: EMAIL, value: $v }) { identity { id value } } }';

let seq = 0;
const email = (local = 'person') => `${local}.${++seq}.${Date.now()}@acme.io`;

describe.each(testDialects())('text people type, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  const createUser = (i: Record<string, unknown>) => app.gql(CREATE_USER, { i: { email: email(), ...i } });

  describe('keys that grow when normalized fit their columns', () => {
    it.each([
      ['20 × ﷺ (18 letters each once decomposed)', 'ﷺ'.repeat(20)],
      ['200 × ﬃ', 'ﬃ'.repeat(200)],
      ['255 × ﷺ', 'ﷺ'.repeat(255)],
    ])('a name of %s is kept and found', async (_label, name) => {
      const user = ok(await createUser({ name })).createUser.user;
      expect(user.name).toBe(name);
      const found = ok(await app.gql('query($q: String) { users(query: $q, first: 5) { edges { node { id } } } }', { q: name.slice(0, 2) }));
      expect(found.users.edges.map((e: any) => e.node.id)).toContain(user.id);
    });

    it('an end user may give themself such a name', async () => {
      const p = await app.person('END_USER');
      const r = await app.as(p.auth)(UPDATE_OWN_NAME, { id: p.id, i: { name: 'ﷺ'.repeat(20) } });
      expect(ok(r).updateUser.name).toBe('ﷺ'.repeat(20));
    });

    it('an external id of 255 × İ is kept, and unique in any letter case', async () => {
      const first = ok(await createUser({ name: 'Ext Zero', externalId: 'İ'.repeat(255) })).createUser.user;
      expect(first.externalId).toBe('İ'.repeat(255));
      const id = `EXT${'İ'.repeat(252)}`;
      const one = ok(await createUser({ name: 'Ext One', externalId: id })).createUser.user;
      const again = await createUser({ name: 'Ext Two', externalId: `ext${'İ'.repeat(252)}` });
      refused(again, 'externalId');
      expect(again.errors![0].extensions!.existingUserId).toBe(one.id);
    });

    it('a tag of 80 × İ (160 characters once lower-cased) is refused clearly; 40 × İ is kept', async () => {
      expect(refused(await createUser({ name: 'Tagged', tags: ['İ'.repeat(80)] }), 'tags')).toMatch(/80 characters/);
      const user = ok(await createUser({ name: 'Tagged', tags: ['İ'.repeat(40)] })).createUser.user;
      expect(user.tags).toEqual(['i̇'.repeat(40)]);
      const org = await app.gql(CREATE_ORG, { i: { name: `Tag org ${++seq}`, tags: ['İ'.repeat(80)] } });
      refused(org, 'tags');
    });

    it('an organization name of 100 × ﷺ is kept and unique; so is its external id', async () => {
      const name = 'ﷺ'.repeat(100);
      const org = ok(await app.gql(CREATE_ORG, { i: { name, externalId: 'İ'.repeat(255) } })).createOrganization;
      expect(org.name).toBe(name);
      refused(await app.gql(CREATE_ORG, { i: { name } }), 'name');
      ok(await app.gql(CREATE_ORG, { i: { name: `Other ${++seq}`, externalId: `ORG${'İ'.repeat(252)}` } }));
      refused(await app.gql(CREATE_ORG, { i: { name: `Other ${++seq}`, externalId: `org${'İ'.repeat(252)}` } }), 'externalId');
      // A user input naming it finds it (admins would otherwise create it).
      const user = ok(
        await app.as(app.admin)('mutation($i: CreateUserInput!) { createUser(input: $i) { user { organization { id } } } }', {
          i: { name: 'Member', email: email(), organization: name },
        }),
      );
      expect(user.createUser.user.organization.id).toBe(org.id);
      const found = ok(await app.gql('query($q: String) { organizations(query: $q) { edges { node { id } } } }', { q: 'ﷺﷺﷺ' }));
      expect(found.organizations.edges.map((e: any) => e.node.id)).toContain(org.id);
    });

    it('custom field titles, options and values whose NFC form is longer than the column are refused, not a 500', async () => {
      const grows = '\ufb2c'.repeat(100); // NFC makes each of these three characters
      refused(await app.gql(CREATE_FIELD, { i: { key: `grow_${++seq}`, title: grows, type: 'TEXT' } }), 'title');
      refused(
        await app.gql(CREATE_FIELD, { i: { key: `grow_${++seq}`, title: 'Grows', type: 'DROPDOWN', options: [{ title: 'A', value: grows }] } }),
        'options',
      );
      const f = ok(await app.gql(CREATE_FIELD, { i: { key: `long_${++seq}`, title: 'Long text', type: 'TEXT' } })).createUserField;
      const u = ok(await createUser({ name: 'Long value', fields: [{ key: f.key, value: 'İ'.repeat(65_536) }] })).createUser.user;
      const filtered = ok(
        await app.gql('query($f: [UserFieldFilter!]) { users(fields: $f) { totalCount edges { node { id } } } }', {
          f: [{ key: f.key, value: 'İ'.repeat(65_536) }],
        }),
      );
      expect(filtered.users.edges.map((e: any) => e.node.id)).toEqual([u.id]);
    });

    it('an email whose case fold is longer than the address still fits', async () => {
      const local = 'ΐ'.repeat(32); // 64 octets; three characters each once folded
      const user = ok(await createUser({ name: 'Greek', email: `${local}@acme.io` })).createUser.user;
      expect(user.email).toBe(`${local}@acme.io`);
      const p = ok(await createUser({ name: 'Other' })).createUser.user;
      const dup = await app.gql(ADD_IDENTITY, { u: p.id, v: `${local}@ACME.IO` });
      expect(dup.errors?.[0].extensions?.code).toBe('EMAIL_TAKEN');
    });
  });

  describe('one address, whatever Unicode spelling', () => {
    it.each([
      ['composed and decomposed accents', 'ren\u00e9', 'rene\u0301'],
      ['reordered combining marks', 'a\u0323\u0301lan', 'a\u0301\u0323lan'],
      ['Greek final sigma', 'ΟΔΟΣ', 'οδοσ'],
      ['sharp s', 'straße', 'STRASSE'],
    ])('%s are one address (EMAIL_TAKEN), on create and on addUserIdentity', async (_label, a, b) => {
      const domain = `u${++seq}.acme.io`;
      const owner = ok(await createUser({ name: 'Owner', email: `${a}@${domain}` })).createUser.user;
      const again = await createUser({ name: 'Copy', email: `${b}@${domain}` });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: owner.id });
      const other = ok(await createUser({ name: 'Other' })).createUser.user;
      expect((await app.gql(ADD_IDENTITY, { u: other.id, v: `${b}@${domain}` })).errors?.[0].extensions?.code).toBe('EMAIL_TAKEN');
      const byEmail = ok(await app.gql('query($e: String!) { userByEmail(email: $e) { id } }', { e: `${b}@${domain}` }));
      expect(byEmail.userByEmail.id).toBe(owner.id);
    });

    it('stores the address in NFC and finds it by a prefix in another spelling', async () => {
      const domain = `nfc${++seq}.acme.io`;
      const user = ok(await createUser({ name: 'Nfc', email: `rene\u0301@${domain}` })).createUser.user;
      expect(user.email).toBe(`ren\u00e9@${domain}`);
      const found = ok(await app.gql('query($q: String) { users(query: $q) { edges { node { id } } } }', { q: 'RENÉ@NFC' }));
      expect(found.users.edges.map((e: any) => e.node.id)).toContain(user.id);
    });

    it.each([
      ['combining grapheme joiner U+034F', 'ada\u034f'],
      ['variation selector U+FE0F', 'ada\ufe0f'],
      ['soft hyphen U+00AD', 'a\u00adda'],
      ['word joiner U+2060', 'a\u2060da'],
      ['Hangul filler U+3164', 'ada\u3164'],
    ])('refuses an invisible character inside the local part: %s', async (_label, local) => {
      expect(refused(await createUser({ name: 'Hidden', email: `${local}@acme.io` }), 'email')).toMatch(/invisible|control/);
      const other = ok(await createUser({ name: 'Other' })).createUser.user;
      refused(await app.gql(ADD_IDENTITY, { u: other.id, v: `${local}@acme.io` }), 'value');
    });
  });

  describe('bidi controls, invisible names and lone surrogates', () => {
    let textField: any;
    let multiField: any;
    beforeAll(async () => {
      textField = ok(await app.gql(CREATE_FIELD, { i: { key: `txt_${++seq}`, title: 'Text', type: 'TEXT' } })).createUserField;
      multiField = ok(await app.gql(CREATE_FIELD, { i: { key: `ml_${++seq}`, title: 'Multi', type: 'MULTILINE' } })).createUserField;
    });

    const BIDI = ['\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c'];
    it.each(BIDI.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))(
      'refuses the bidi control %s in every text field',
      async (_label, c) => {
        const text = `gnp${c}.exe`;
        refused(await createUser({ name: text }), 'name');
        refused(await createUser({ name: 'N', alias: text }), 'alias');
        refused(await createUser({ name: 'N', tags: [text] }), 'tags');
        refused(await createUser({ name: 'N', details: `line\n${text}` }), 'details');
        refused(await createUser({ name: 'N', notes: text }), 'notes');
        refused(await createUser({ name: 'N', externalId: text }), 'externalId');
        refused(await createUser({ name: 'N', fields: [{ key: textField.key, value: text }] }), textField.key);
        refused(await createUser({ name: 'N', fields: [{ key: multiField.key, value: `a\n${text}` }] }), multiField.key);
        refused(await app.gql(CREATE_ORG, { i: { name: text } }), 'name');
        refused(await app.gql(CREATE_ORG, { i: { name: `Org ${++seq}`, notes: text } }), 'notes');
      },
    );

    it.each([
      ['zero-width spaces', '\u200b\u200b\u200b'],
      ['a Braille blank', '\u2800'],
      ['Hangul fillers', '\u3164\u3164'],
      ['a Hangul choseong filler', '\u115f'],
      ['a halfwidth Hangul filler', '\uffa0'],
      ['a lone combining accent', '\u0301'],
      ['a zero-width joiner', '\u200d'],
    ])('refuses a name made only of %s (names, aliases, organizations, tags)', async (_label, text) => {
      expect(refused(await createUser({ name: text }), 'name')).toMatch(/visible|invisible/);
      refused(await createUser({ name: 'N', alias: text }), 'alias');
      refused(await createUser({ name: 'N', tags: ['ok', text] }), 'tags');
      refused(await app.gql(CREATE_ORG, { i: { name: text } }), 'name');
      const p = await app.person('END_USER');
      refused(await app.as(p.auth)(UPDATE_OWN_NAME, { id: p.id, i: { name: text } }), 'name');
    });

    it('refuses a zero-width space inside a name, and a joiner at its edge', async () => {
      refused(await createUser({ name: 'Ada\u200bLovelace' }), 'name');
      refused(await createUser({ name: 'Ada\u200d' }), 'name');
      refused(await createUser({ name: 'N', alias: '\ufeffAda\u2060' }), 'alias');
    });

    it.each([
      ['a Devanagari conjunct with ZWJ', 'क्\u200dष'],
      ['Persian with ZWNJ', 'می\u200cخواهم'],
      ['an emoji family (ZWJ sequence)', 'Team 👨\u200d👩\u200d👧'],
      ['an emoji with a variation selector and ZWJ', 'Fire ❤\ufe0f\u200d🔥'],
      ['a subdivision flag (tag characters)', 'Scot 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ])('keeps %s', async (_label, text) => {
      const user = ok(await createUser({ name: text, alias: text, tags: [text] })).createUser.user;
      expect(user.name).toBe(text);
      expect(user.alias).toBe(text);
      const org = ok(await app.gql(CREATE_ORG, { i: { name: `${text} ${++seq}` } })).createOrganization;
      expect(org.name).toBe(`${text} ${seq}`);
    });

    it('refuses a lone surrogate (sent as a JSON \\ud800 escape) instead of storing U+FFFD', async () => {
      const body = (i: Record<string, unknown>) => JSON.stringify({ query: CREATE_USER, variables: { i: { email: email(), ...i } } });
      expect(body({ name: 'Ada\ud800' })).toContain('\\ud800');
      for (const [input, field] of [
        [{ name: 'Ada\ud800' }, 'name'],
        [{ name: 'Ada\udc00 Lovelace' }, 'name'],
        [{ name: 'N', notes: 'x\udbff' }, 'notes'],
        [{ name: 'N', tags: ['t\ud800'] }, 'tags'],
        [{ name: 'N', fields: [{ key: textField.key, value: '\udfff' }] }, textField.key],
      ] as const) {
        refused(await createUser(input as Record<string, unknown>), field);
      }
      refused(await app.gql(CREATE_ORG, { i: { name: 'Org\ud800' } }), 'name');
      // A well-formed pair is a character like any other.
      expect(ok(await createUser({ name: 'Ada \ud83d\ude00' })).createUser.user.name).toBe('Ada 😀');
    });

    it('stores names and text in NFC', async () => {
      const user = ok(await createUser({ name: 'Rene\u0301', alias: 'Zoe\u0308', details: 'cafe\u0301', tags: ['Cafe\u0301'] })).createUser.user;
      expect(user).toMatchObject({ name: 'Ren\u00e9', alias: 'Zo\u00eb', details: 'caf\u00e9', tags: ['caf\u00e9'] });
      const org = ok(await app.gql(CREATE_ORG, { i: { name: `Cafe\u0301 ${++seq}` } })).createOrganization;
      expect(org.name).toBe(`Caf\u00e9 ${seq}`);
    });
  });
});
