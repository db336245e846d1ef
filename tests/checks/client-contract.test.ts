// The client's contract with the server, checked on every `npm test`: its
// GraphQL documents validate against schema.graphql, the code generated from
// them is up to date, and vue-tsc finds no type error in the client and its
// tests (whose fixtures are typed by the generated code).
import { executeCodegen } from '@graphql-codegen/cli';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { codegenConfig, GENERATED_DIR } from '../../codegen.js';

const root = resolve(import.meta.dirname, '../..');

describe('client contract', () => {
  let generated: Awaited<ReturnType<typeof executeCodegen>>;

  beforeAll(async () => {
    generated = await executeCodegen({ ...codegenConfig(), cwd: root });
  });

  it('every client document validates against schema.graphql', () => {
    // graphql-codegen refuses a document that asks for a field, argument or
    // type the schema does not have, or passes a variable of the wrong type.
    expect(generated.error?.message ?? '', 'graphql-codegen failed').toBe('');
  });

  it(`${GENERATED_DIR} is what \`npm run codegen\` writes`, async () => {
    expect(generated.error).toBeNull();
    const expected = new Map(generated.result.map((file) => [relative(resolve(root, GENERATED_DIR), resolve(root, file.filename)), file.content]));
    const present = (await readdir(resolve(root, GENERATED_DIR))).sort();
    expect(present, 'generated files: run `npm run codegen`').toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      const onDisk = await readFile(resolve(root, GENERATED_DIR, name), 'utf8');
      expect(onDisk === content, `${GENERATED_DIR}${name} is stale: run \`npm run codegen\``).toBe(true);
    }
  });

  it('vue-tsc finds no type error in client/ and tests/client/', async () => {
    const vueTsc = resolve(root, 'node_modules/.bin/vue-tsc');
    const output = await promisify(execFile)(vueTsc, ['-p', 'client/tsconfig.json', '--noEmit'], { cwd: root })
      .then(({ stdout, stderr }) => stdout + stderr)
      .catch((failure: { stdout?: string; stderr?: string; message: string }) => `${failure.stdout ?? ''}${failure.stderr ?? ''}` || failure.message);
    expect(output.trim()).toBe('');
  });
});
