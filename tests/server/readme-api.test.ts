import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, tempDir, type TestApp } from '../helpers/test-app.js';

// The README's curl examples for partner apps, run as a reader would paste them
// (bash, curl, node), against the real app: every answer is free of errors, and
// the examples change the customer they created, never the first admin.

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The API for partner apps'), readme.indexOf('## Rules'));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('sqlite');
});
afterAll(async () => {
  await app?.stop();
});

describe("the README's API examples", () => {
  it('run one after the other without an error, on the customer they created', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const dir = tempDir('accueil-readme-');
    const answers = join(dir, 'answers.jsonl');
    // Each answer is also appended to a file, one line each, for the checks below.
    const script = [
      'set -euo pipefail',
      `curl() { command curl "$@" | tee -a ${answers}; echo >> ${answers}; }`,
      ...blocks.map((b) =>
        b.replaceAll('http://localhost:4000', app.url).replaceAll('you@example.org', ADMIN_EMAIL).replaceAll('a long passphrase', ADMIN_PASSWORD),
      ),
    ].join('\n');
    // Asynchronous: the app answers from this very process.
    const run = await promisify(execFile)('bash', ['-c', script], { cwd: dir, encoding: 'utf8' }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(run.code, run.stderr).toBe(0);

    const bodies = readFileSync(answers, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
    expect(bodies.length).toBeGreaterThanOrEqual(blocks.length);
    for (const body of bodies) expect(body.errors, JSON.stringify(body)).toBeUndefined();

    const ada = (await app.gql('{ users(query: "ada", first: 5) { edges { node { id notes organization { name } } } } }')).data.users.edges;
    expect(ada).toHaveLength(1);
    expect(ada[0].node).toMatchObject({ notes: 'Prefers email', organization: { name: 'Analytical Engines' } });
    const admin = (await app.gql('query($e: String!) { userByEmail(email: $e) { notes organization { name } } }', { e: ADMIN_EMAIL })).data
      .userByEmail;
    expect(admin).toEqual({ notes: null, organization: null });
  });
});
