import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { getNamedType, getNullableType, isListType, isNonNullType, isObjectType, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../server/graphql/schema.js';
import { LIST_SIZE } from '../../server/graphql/list-size.js';
import { FIELD_LIMITS } from '../../server/fields/field-rules.js';
import { OPTIONS_MAX } from '../../server/fields/user-field.types.js';

const root = resolve(import.meta.dirname, '../..');
const sdl = readFileSync(resolve(root, 'schema.graphql'), 'utf8');

/** The schema lint `npm test` runs: descriptions everywhere, Relay connections, naming conventions. */
async function lintSchema() {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.graphql'],
        languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: 'schema.graphql' } } },
        plugins: { '@graphql-eslint': graphqlPlugin as never },
        rules: {
          '@graphql-eslint/require-description': [
            'error',
            { types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true, DirectiveDefinition: true },
          ],
          '@graphql-eslint/relay-connection-types': 'error',
          '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
          '@graphql-eslint/relay-page-info': 'error',
          '@graphql-eslint/naming-convention': [
            'error',
            {
              types: 'PascalCase',
              FieldDefinition: 'camelCase',
              InputValueDefinition: 'camelCase',
              Argument: 'camelCase',
              EnumValueDefinition: 'UPPER_CASE',
            },
          ],
        },
      },
    ],
  });
  const [result] = await eslint.lintText(sdl, { filePath: 'schema.graphql' });
  return result.messages;
}

/** Every list field of every object type, as Type.field. */
function listFields(schema: GraphQLSchema) {
  const out: { name: string; extensions: Record<string, unknown> }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListType(getNullableType(field.type)))
        out.push({ name: `${type.name}.${field.name}`, extensions: field.extensions as Record<string, unknown> });
    }
  }
  return out;
}

describe('the schema as a product for partner apps', () => {
  it('passes the schema lint: every type, field, argument, input field and enum value described; Relay connections; naming', async () => {
    const messages = await lintSchema();
    expect(messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`)).toEqual([]);
  }, 60_000);

  it('declares how many items every list field can answer (for the cost limit), from the rules that bound them', async () => {
    const schema = await buildAppSchema();
    const undeclared = listFields(schema)
      .filter((f) => f.extensions[LIST_SIZE] === undefined)
      .map((f) => f.name);
    expect(undeclared).toEqual([]);
    expect(OPTIONS_MAX).toBe(FIELD_LIMITS.options);
  });

  it('names closed sets as enums, exact decimals as a string scalar, and every user has an email', async () => {
    const schema = await buildAppSchema();
    const fieldType = (type: string, field: string) => {
      const t = schema.getType(type);
      if (!isObjectType(t)) throw new Error(type);
      return t.getFields()[field].type;
    };
    const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect(getNamedType(fieldType('UserEvent', 'action')).name).toBe('UserEventAction');
    expect(enumValues('UserEventAction')).toEqual([
      'CREATED',
      'UPDATED',
      'ROLE_CHANGED',
      'SUSPENDED',
      'UNSUSPENDED',
      'DELETED',
      'PASSWORD_CHANGED',
      'UNLOCKED',
      'RESTORED',
      'ERASED',
      'MERGED',
    ]);
    expect(getNamedType(fieldType('UserEvent', 'source')).name).toBe('AuditSource');
    expect(enumValues('AuditSource')).toEqual(['ADMIN_APP', 'API', 'IMPORT', 'WEB_FORM', 'EMAIL', 'SYSTEM']);
    expect(getNamedType(fieldType('EventActor', 'kind')).name).toBe('EventActorKind');
    expect(enumValues('EventActorKind')).toEqual(['USER', 'TOKEN', 'SYSTEM']);
    expect(getNamedType(fieldType('UserWarning', 'code')).name).toBe('UserWarningCode');
    expect(getNamedType(fieldType('ApiToken', 'scopes')).name).toBe('ApiTokenScope');
    expect(enumValues('ApiTokenScope')).toEqual(['USERS_READ', 'USERS_WRITE', 'IMPORT', 'TICKETS_READ', 'TICKETS_WRITE', 'INBOUND']);
    expect(sdl).toMatch(/input CreateApiTokenInput \{[^}]*scopes: \[ApiTokenScope!\]!/);
    expect(getNamedType(fieldType('UserFieldValue', 'number')).name).toBe('Decimal');
    expect(sdl).not.toMatch(/\bFloat\b/);
    expect(isNonNullType(fieldType('User', 'email'))).toBe(true);
    expect(String(fieldType('Query', 'reservedUserFieldKeys'))).toBe('[String!]!');
    expect(String(fieldType('User', 'viewerCan'))).toBe('UserPermissions!');
    expect(String(fieldType('Query', 'viewerCan'))).toBe('ViewerPermissions!');
  });
});
