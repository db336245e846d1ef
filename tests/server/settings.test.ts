import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

const SETTINGS = `{ settings { id version requestAccess helpCenterSignUp requireVerification welcomeOnAgentCreate welcomeSubject welcomeBody deskName allowList blockList } }`;
const UPDATE = `mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version requestAccess deskName allowList blockList welcomeSubject } }`;
const PREVIEW = `query($i: PreviewWelcomeEmailInput!) { previewWelcomeEmail(input: $i) { to subject text html } }`;

/** The desk settings: staff read, admins change, every bad field at once, a version, the welcome preview. */
describe.each(testDialects())('settings on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let endUser: Awaited<ReturnType<TestApp['person']>>;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    agent = await app.person('AGENT');
    endUser = await app.person('END_USER');
  });
  afterAll(() => app?.stop());

  it('starts open (ANYONE, sign-up on, verification on) and is read by staff only', async () => {
    const r = await app.as(agent.auth)(SETTINGS);
    expect(r.data.settings).toMatchObject({
      id: '1',
      requestAccess: 'ANYONE',
      helpCenterSignUp: true,
      requireVerification: true,
      allowList: [],
      blockList: [],
    });
    expect(r.data.settings.welcomeBody).toContain('{{verify_link}}');
    expect((await app.as(endUser.auth)(SETTINGS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as({ kind: 'anonymous' })(SETTINGS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Anyone may read what the help center shows, nothing more.
    const open = await app.as({ kind: 'anonymous' })('{ helpCenter { deskName signUpOpen } }');
    expect(open.data.helpCenter).toEqual({ deskName: 'Accueil', signUpOpen: true });
  });

  it('lets admins change them, normalizing the lists; agents and end users are refused', async () => {
    expect((await app.as(agent.auth)(UPDATE, { i: { deskName: 'Nope' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as(endUser.auth)(UPDATE, { i: { deskName: 'Nope' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const before = (await app.as(app.admin)(SETTINGS)).data.settings.version;
    const r = await app.as(app.admin)(UPDATE, {
      i: {
        version: before,
        requestAccess: 'RESTRICTED',
        deskName: '  Acme Help ',
        allowList: [' ACME.com', 'Boss@Partner.IO', '', 'acme.com'],
        blockList: ['Reject:spam.io', 'suspend: odd@mail.io', '*', 'bäckerei.de'],
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateSettings).toMatchObject({
      version: before + 1,
      requestAccess: 'RESTRICTED',
      deskName: 'Acme Help',
      allowList: ['acme.com', 'Boss@partner.io'],
      blockList: ['reject:spam.io', 'suspend:odd@mail.io', '*', 'xn--bckerei-5wa.de'],
    });
    expect((await app.as(agent.auth)(SETTINGS)).data.settings.deskName).toBe('Acme Help');
    // A stale version is refused and changes nothing.
    const stale = await app.as(app.admin)(UPDATE, { i: { version: before, deskName: 'Late' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version', reason: 'STALE' });
    await app.as(app.admin)(UPDATE, { i: { requestAccess: 'ANYONE', allowList: [], blockList: [] } });
  });

  it('refuses every bad field at once: unknown placeholders by name, bad list entries by index', async () => {
    const r = await app.as(app.admin)(UPDATE, {
      i: {
        welcomeSubject: 'Hi {{nmae}}',
        welcomeBody: 'Hello {{name}}, see {{link}} and {{desk_name',
        deskName: ' ',
        allowList: ['acme.com', 'reject:x.io', 'not a domain'],
        blockList: ['*', 'reject:*', 'ok.io', 'a@@b'],
      },
    });
    const err = r.errors![0];
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'welcomeSubject' });
    expect(err.message).toContain('{{nmae}} is not a placeholder: did you mean {{name}}?');
    const fields = err.extensions!.errors.map((e: any) => e.field);
    expect(fields).toEqual(['welcomeSubject', 'welcomeBody', 'welcomeBody', 'deskName', 'allowList.1', 'allowList.2', 'blockList.1', 'blockList.3']);
    expect(err.extensions!.errors[1].message).toContain('{{link}}');
    const now = (await app.as(app.admin)(SETTINGS)).data.settings;
    expect(now.welcomeSubject).toBe('Welcome to {{desk_name}}');
    expect(now.allowList).toEqual([]);
  });

  it('previews the welcome email for a sample person, escaping values in the HTML, and names template errors', async () => {
    const r = await app.as(app.admin)(PREVIEW, {
      i: { welcomeSubject: 'Hi {{name}} from {{desk_name}}', welcomeBody: 'Dear {{name}},\n<b>go</b>: {{verify_link}}', deskName: 'R&D <Desk>' },
    });
    expect(r.data.previewWelcomeEmail.subject).toBe('Hi Ada Lovelace from R&D <Desk>');
    expect(r.data.previewWelcomeEmail.text).toMatch(/^Dear Ada Lovelace,\n<b>go<\/b>: http:\/\/localhost:\d+\/verify\//);
    expect(r.data.previewWelcomeEmail.html).toContain('&lt;b&gt;go&lt;/b&gt;');
    const saved = await app.as(app.admin)(PREVIEW, { i: {} });
    expect(saved.data.previewWelcomeEmail.subject).toBe('Welcome to Acme Help');
    const bad = await app.as(app.admin)(PREVIEW, { i: { welcomeBody: '{{Name}}' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'welcomeBody' });
    expect((await app.as(agent.auth)(PREVIEW, { i: {} })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("tokens read with USERS_READ and change with USERS_WRITE, within their creator's role", async () => {
    const reader = await app.token(['USERS_READ']);
    expect((await app.as(reader.auth)(SETTINGS)).data.settings.id).toBe('1');
    expect((await app.as(reader.auth)(UPDATE, { i: { deskName: 'X' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const writer = await app.token(['USERS_READ', 'USERS_WRITE']);
    expect((await app.as(writer.auth)(UPDATE, { i: { deskName: 'Accueil' } })).data.updateSettings.deskName).toBe('Accueil');
  });
});
