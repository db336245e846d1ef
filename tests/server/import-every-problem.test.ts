import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { importFile } from '../helpers/imports.js';

/**
 * An admin fixing a file wants every problem of a row at once: a row with a
 * bad INTEGER and a bad DATE custom field (and a bad built-in value) lists
 * each, not only the first custom field's. createUser answers them all too.
 */
describe.each(testDialects())('every problem of a row, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    for (const [key, type] of [
      ['seats', 'INTEGER'],
      ['renewal', 'DATE'],
      ['code', 'TEXT'],
    ]) {
      const r = await app.as(app.admin)(`mutation { createUserField(input: { key: "${key}", title: "${key}", type: ${type} }) { id } }`);
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(() => app.stop());

  it('an import row reports its bad INTEGER, its bad DATE and its bad phone together', async () => {
    const file = [
      'name,email,phone,custom_fields.seats,custom_fields.renewal,custom_fields.code',
      'Ada,ada@every.example.org,+33 6 12,many,2024-13-45,ok',
      'Bob,bob@every.example.org,,3,2024-02-30,ok',
      'Cy,cy@every.example.org,,4,2024-02-28,ok',
    ].join('\n');
    const job = await importFile(app, file, { mode: 'CREATE', dryRun: 'true' });
    expect(job).toMatchObject({ created: 1, failed: 2 });
    expect(job.errors.map((e: any) => [e.line, e.column, e.code])).toEqual([
      [2, 'phone', 'BAD_USER_INPUT'],
      [2, 'custom_fields.seats', 'BAD_USER_INPUT'],
      [2, 'custom_fields.renewal', 'BAD_USER_INPUT'],
      [3, 'custom_fields.renewal', 'BAD_USER_INPUT'],
    ]);
  });

  it('createUser lists every bad custom field in extensions.errors', async () => {
    const r = await app.gql(
      'mutation { createUser(input: { name: "Dee", email: "dee@every.example.org", fields: [{ key: "seats", value: "x" }, { key: "renewal", value: "soon" }, { key: "nope", value: "1" }] }) { user { id } } }',
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.errors.map((e: any) => e.field)).toEqual(['seats', 'renewal', 'nope']);
  });
});
