import DataLoader from 'dataloader';
import type { FieldValuesService, StoredUserValues } from './field-values.service.js';
import type { UserField } from './user-field.types.js';

/**
 * The custom-field part of the request's loader registry (graphql/loaders.ts).
 * A page of users with all their field values costs a bounded number of
 * queries whatever its size: the definitions (once per request) and the
 * values (one per 1,000 users); LOOKUP values go through the registry's user
 * and organization loaders.
 */
export function fieldLoaders(service: FieldValuesService) {
  let definitions: Promise<UserField[]> | null = null;
  const fieldValues = new DataLoader<number, StoredUserValues>((ids) => service.valuesOf(ids), { maxBatchSize: 1000 });
  /** UserField.missingValueCount of every field asked for in a request, in two queries. */
  const missingValueCounts = new DataLoader<number, number>((ids) => service.missingValueCounts(ids), { maxBatchSize: 1000 });
  return {
    /** Every field definition (active or not) with its options, read once per request (until `resetFields`). */
    fieldDefinitions(): Promise<UserField[]> {
      if (!definitions) {
        definitions = service.definitions();
        definitions.catch(() => (definitions = null)); // a failed read is retried by the next caller
      }
      return definitions;
    },
    fieldValues,
    missingValueCounts,
    /** Forgets the definitions and values read (after a change of definitions within the request). */
    resetFields(): void {
      definitions = null;
      fieldValues.clearAll();
      missingValueCounts.clearAll();
    },
  };
}
