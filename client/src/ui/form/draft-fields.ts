// Fields of a form's draft described by lists (TextFields, CheckboxFields):
// their ids and how they read and write the draft by name.
import type { Ref } from 'vue';

/** The id of a form's control: `${prefix}-${name in kebab case}` (profile-external-id). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** Reads and writes the draft's values by name. */
export function draftAccess(draft: Ref<object>) {
  return {
    valueOf: (name: string): unknown => (draft.value as Record<string, unknown>)[name],
    update: (name: string, value: unknown): void => {
      (draft.value as Record<string, unknown>)[name] = value;
    },
  };
}
