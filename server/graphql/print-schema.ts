import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { buildAppSchema } from './schema.js';

/** `schema.graphql` as committed: printed from the classes, sorted so diffs stay small. */
export async function printedSchema(): Promise<string> {
  const schema = await buildAppSchema();
  return `# Printed from the type-graphql classes by \`npm run schema\`. Do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

// `npm run schema` writes schema.graphql; with --stdout it prints instead (the stale-schema test uses that).
if (process.argv[1]?.endsWith('print-schema.ts') || process.argv[1]?.endsWith('print-schema.js')) {
  if (process.argv.includes('--stdout')) {
    process.stdout.write(await printedSchema());
  } else {
    const out = resolve(import.meta.dirname, '../../schema.graphql');
    writeFileSync(out, await printedSchema());
    console.log(`wrote ${out}`);
  }
}
