import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '../..');
// Printed in a separate process, exactly as `npm run schema` does.
const printedSchema = async () =>
  execFileSync(resolve(root, 'node_modules/.bin/tsx'), ['server/graphql/print-schema.ts', '--stdout'], { cwd: root, encoding: 'utf8' });

describe('schema.graphql', () => {
  it('is the schema printed from the classes (run `npm run schema` when this fails)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(await printedSchema());
  });

  it('names the contract partner apps rely on', async () => {
    const sdl = await printedSchema();
    for (const line of [
      'user(id: ID!): User',
      'users(after: String, first: Int = 25, query: String): UserConnection!',
      'createUser(input: CreateUserInput!): CreateUserPayload!',
      'updateUser(id: ID!, input: UpdateUserInput!): User!',
      'warnings: [UserWarning!]!',
      'totalCount: Int!',
      'endCursor: String',
      'hasNextPage: Boolean!',
    ]) {
      expect(sdl).toContain(line);
    }
    // Keys used for uniqueness and search never leave the server.
    expect(sdl).not.toMatch(/nameKey|valueNormalized|externalIdKey|deletedAt|createdById/);
  });
});
