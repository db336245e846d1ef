// Typed client operations, generated from schema.graphql (`npm run codegen`).
// Documents are `graphql()` calls beside the feature that sends them
// (client/src/<feature>/*-operations.ts); the output in
// client/src/graphql/generated/ is committed, and tests/checks fails when it is
// stale or when a document does not validate against the schema.
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Where the generated code goes; tests/checks regenerates into a temporary folder to compare. */
export const GENERATED_DIR = 'client/src/graphql/generated/';

export function codegenConfig(outputDir: string = GENERATED_DIR): CodegenConfig {
  return {
    schema: 'schema.graphql',
    documents: ['client/src/**/*.ts', `!${GENERATED_DIR}**`],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [outputDir]: {
        preset: 'client',
        presetConfig: {
          // Components read the fields their fragments select directly.
          fragmentMasking: false,
        },
        config: {
          // ISO 8601 text; exact decimals as text; the client sends ids as it got them (strings).
          scalars: { DateTimeISO: 'string', Decimal: 'string', ID: { input: 'string', output: 'string' } },
          strictScalars: true,
          // Enums as `const` objects plus union types: the client can list an
          // enum's values from the schema instead of a second list.
          enumType: 'const',
          useTypeImports: true,
          emitLegacyCommonJSImports: false,
        },
      },
    },
  };
}

export default codegenConfig();
