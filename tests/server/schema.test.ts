import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { buildSchema, parse, print, visit, type GraphQLEnumType } from 'graphql';

const root = resolve(import.meta.dirname, '../..');
// Printed in a separate process, as `npm run schema` does (tsx as a loader: its CLI leaves a folder in the temporary folder).
const printedSchema = async () =>
  execFileSync(process.execPath, ['--import', 'tsx', 'server/graphql/print-schema.ts', '--stdout'], { cwd: root, encoding: 'utf8' });

/** The SDL without its descriptions: the shape of the contract, one line per field. */
const withoutDescriptions = (sdl: string): string =>
  print(visit(parse(sdl), { enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }));

describe('schema.graphql', () => {
  it('is the schema printed from the classes (run `npm run schema` when this fails)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(await printedSchema());
  });

  it('names the contract partner apps rely on', async () => {
    const sdl = withoutDescriptions(await printedSchema());
    for (const line of [
      'user(id: ID!): User',
      'createUser(input: CreateUserInput!): CreateUserPayload!',
      'updateUser(checkRequiredFields: Boolean = false, expectedVersion: Int, id: ID!, input: UpdateUserInput!): User!',
      'restoreUser(id: ID!): User!',
      'eraseUser(id: ID!): Boolean!',
      'deletedUsers(after: String, first: Int = 25): DeletedUserConnection!',
      'mergeUsers(input: MergeUsersInput!): User!',
      'mergeUsersPreview(sourceId: ID!, targetId: ID!): MergeUsersPreview!',
      'updateOrganization(expectedVersion: Int, id: ID!, input: UpdateOrganizationInput!): Organization!',
      'warnings: [UserWarning!]!',
      'totalCount: Int!',
      'endCursor: String',
      'hasNextPage: Boolean!',
    ]) {
      expect(sdl).toContain(line);
    }
    // users() keeps the arguments of issue 2 next to the filters of issue 4.
    const users = /type Query \{[\s\S]*?\n {2}users\(([^)]*)\): UserConnection!/.exec(sdl)?.[1] ?? '';
    for (const arg of ['after: String', 'first: Int = 25', 'query: String', 'tags: [String!]', 'organizationId: ID', 'fields: [UserFieldFilter!]']) {
      expect(users).toContain(arg);
    }
    // Issue 4: custom fields, organizations, identities.
    for (const pattern of [
      /\n {2}userFields\([^)]*\): \[UserField!\]!/,
      /\n {2}createUserField\(input: CreateUserFieldInput!\): UserField!/,
      /\n {2}updateUserField\(id: ID!, input: UpdateUserFieldInput!\): UserField!/,
      /\n {2}reorderUserFields\(ids: \[ID!\]!\): \[UserField!\]!/,
      /\n {2}fields: \[UserFieldValue!\]!/,
      /input UserFieldInput \{[^}]*key: String![^}]*value: String[^}]*values: \[String!\]/,
      /\n {2}organization\(id: ID!\): Organization\n/,
      /\n {2}organizations\(after: String, first: Int = 25, query: String\): OrganizationConnection!/,
      /\n {2}createOrganization\(input: CreateOrganizationInput!\): Organization!/,
      /\n {2}updateOrganization\(expectedVersion: Int, id: ID!, input: UpdateOrganizationInput!\): Organization!/,
      /type User \{[^}]*\n {2}organization: Organization\n/,
    ]) {
      expect(sdl).toMatch(pattern);
    }
    const types = buildSchema(sdl).getType('UserFieldType') as GraphQLEnumType;
    expect(
      types
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(['TEXT', 'MULTILINE', 'CHECKBOX', 'DATE', 'INTEGER', 'DECIMAL', 'REGEXP', 'DROPDOWN', 'MULTISELECT', 'LOOKUP'].sort());
    // Keys used for uniqueness and search never leave the server.
    expect(sdl).not.toMatch(/nameKey|valueNormalized|externalIdKey|createdById/);
    // A user's deletion time shows only in the change feed's tombstones (issue 11) and Deleted customers (issue 13), never on a User.
    expect(/type User \{[^}]*\}/.exec(sdl)![0]).not.toMatch(/deletedAt/);
    expect(sdl.match(/deletedAt/g)).toHaveLength(2);
    expect(/type DeletedUser \{[^}]*\}/.exec(sdl)![0]).toMatch(/deletedAt/);
  });
});
