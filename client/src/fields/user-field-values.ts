// A profile's custom field values: the working copy the form edits (one entry
// per field key), the checks before saving, and the `fields` input of
// updateUser carrying only the fields that changed (null clears one).
// Numbers are typed and shown the reader's way ("1 234,5" in French) and sent
// as the server's decimal strings ("1234.5"); see ui/format/numbers.ts.
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { clientError, type FieldError } from '../graphql/errors';
import { formatNumber, parseNumber, reformatNumber } from '../ui/format/numbers';
import type { FieldValueFragment, UserFieldInput, UserProfileFragment } from '../graphql/generated/graphql';

export interface LookupChoice {
  id: string;
  name: string;
}

/** Text types: a string; CHECKBOX: a boolean; MULTISELECT: option values; LOOKUP: a choice or null. */
export type FieldDraftValue = string | boolean | string[] | LookupChoice | null;
export type FieldDraft = Record<string, FieldDraftValue>;

/** The locale numbers are typed and shown in when none is given. */
const DEFAULT_LOCALE = 'en';

const isNumberType = (type: string): boolean => type === 'INTEGER' || type === 'DECIMAL';

export function initialValue(field: FieldValueFragment, locale = DEFAULT_LOCALE): FieldDraftValue {
  switch (field.type) {
    case 'CHECKBOX':
      return field.boolean ?? field.value === 'true';
    case 'MULTISELECT':
      return field.values ?? field.options?.map((option) => option.value) ?? [];
    case 'LOOKUP': {
      const target = field.user ?? field.organization;
      if (target) return { id: target.id, name: target.name };
      return field.value ? { id: field.value, name: `#${field.value}` } : null;
    }
    case 'DATE':
      return field.date ?? field.value ?? '';
    case 'TEXT':
    case 'MULTILINE':
    case 'REGEXP':
      return field.text ?? field.value ?? '';
    case 'INTEGER':
    case 'DECIMAL':
      return formatNumber(field.number ?? field.value ?? '', locale);
    default:
      return field.value ?? field.number ?? '';
  }
}

export function toFieldDraft(fields: readonly FieldValueFragment[], locale = DEFAULT_LOCALE): FieldDraft {
  return Object.fromEntries(fields.map((field) => [field.key, initialValue(field, locale)]));
}

function asText(value: FieldDraftValue): string {
  return typeof value === 'string' ? value : '';
}
function asList(value: FieldDraftValue): string[] {
  return Array.isArray(value) ? value : [];
}
function asChoice(value: FieldDraftValue): LookupChoice | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** The input for one field when its draft differs from what the server holds, else null. */
export function fieldInput(field: FieldValueFragment, draft: FieldDraftValue | undefined, locale = DEFAULT_LOCALE): UserFieldInput | null {
  if (draft === undefined) return null;
  const initial = initialValue(field, locale);
  switch (field.type) {
    case 'CHECKBOX':
      return draft === initial ? null : { key: field.key, value: draft === true ? 'true' : 'false' };
    case 'MULTISELECT': {
      const chosen = asList(draft);
      if (sameSet(chosen, asList(initial))) return null;
      if (chosen.length === 0) return { key: field.key, value: null };
      // In the options' order, as profiles list them.
      const order = field.field.options.map((option) => option.value);
      const sorted = [...chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      return { key: field.key, values: sorted };
    }
    case 'LOOKUP': {
      const chosen = asChoice(draft);
      if ((chosen?.id ?? null) === (asChoice(initial)?.id ?? null)) return null;
      return { key: field.key, value: chosen?.id ?? null };
    }
    case 'INTEGER':
    case 'DECIMAL': {
      const text = asText(draft).trim();
      if (text === asText(initial).trim()) return null;
      // The server's form ("1234.5"); text that is no number goes as typed (validate() stops it first).
      const parsed = parseNumber(text, locale, { integer: field.type === 'INTEGER' });
      const value = parsed.ok ? parsed.value : text;
      if (parsed.ok && value === (field.number ?? field.value ?? '')) return null;
      return { key: field.key, value: value === '' ? null : value };
    }
    default: {
      const text = asText(draft);
      if (text === asText(initial)) return null;
      return { key: field.key, value: text.trim() === '' ? null : text };
    }
  }
}

export function fieldInputs(fields: readonly FieldValueFragment[], draft: FieldDraft, locale = DEFAULT_LOCALE): UserFieldInput[] {
  return fields.flatMap((field) => fieldInput(field, draft[field.key], locale) ?? []);
}

/** Why a typed number cannot be saved (an i18n key under format.number), or null. */
export function numberProblem(field: FieldValueFragment, draft: FieldDraftValue | undefined, locale = DEFAULT_LOCALE): string | null {
  if (!isNumberType(field.type)) return null;
  const parsed = parseNumber(asText(draft ?? null), locale, { integer: field.type === 'INTEGER' });
  return parsed.ok ? null : `format.number.${parsed.problem}`;
}

/** Whether a required field is left empty (a checkbox always holds yes or no). */
export function isMissing(field: FieldValueFragment, draft: FieldDraftValue | undefined): boolean {
  if (!field.field.required || field.type === 'CHECKBOX') return false;
  if (field.type === 'MULTISELECT') return asList(draft ?? null).length === 0;
  if (field.type === 'LOOKUP') return asChoice(draft ?? null) === null;
  return asText(draft ?? null).trim() === '';
}

/** The draft for `next`, keeping what was edited since `previous`. */
export function rebaseFieldDraft(
  previous: readonly FieldValueFragment[],
  next: readonly FieldValueFragment[],
  draft: FieldDraft,
  locale = DEFAULT_LOCALE,
): FieldDraft {
  const before = toFieldDraft(previous, locale);
  const result = toFieldDraft(next, locale);
  for (const key of Object.keys(result)) {
    if (key in draft && JSON.stringify(draft[key]) !== JSON.stringify(before[key])) result[key] = draft[key] ?? null;
  }
  return result;
}

/**
 * The profile form's custom fields: `input` joins updateUser's input, `keys`
 * are the names server errors may give, `validate` finds required ones the
 * edit empties. Follows the user as saves and reloads replace it.
 */
export function useUserFieldValues(user: () => UserProfileFragment) {
  const { locale } = useI18n();
  const values = computed<FieldValueFragment[]>(() => user().fields ?? []);
  const draft = ref<FieldDraft>(toFieldDraft(values.value, locale.value));

  /** Back to what the server holds (for `saved`, the user a save returned). */
  function reset(saved?: UserProfileFragment): void {
    draft.value = toFieldDraft(saved?.fields ?? values.value, locale.value);
  }
  // The user changed on the server (a save, a contact added beside the form):
  // values being edited stay, the others follow.
  watch(user, (next, previous) => {
    draft.value = previous
      ? rebaseFieldDraft(previous.fields ?? [], next.fields ?? [], draft.value, locale.value)
      : toFieldDraft(next.fields ?? [], locale.value);
  });
  // The language changed: numbers typed so far are written the new way.
  watch(locale, (next, previous) => {
    const result = { ...draft.value };
    for (const field of values.value) {
      const typed = result[field.key];
      if (isNumberType(field.type) && typeof typed === 'string') result[field.key] = reformatNumber(typed, previous, next);
    }
    draft.value = result;
  });

  const input = computed<{ fields?: UserFieldInput[] }>(() => {
    const fields = fieldInputs(values.value, draft.value, locale.value);
    return fields.length > 0 ? { fields } : {};
  });
  const keys = computed(() => values.value.map((field) => field.key));

  /** A required field the edit empties (one left without a value, untouched, blocks nothing: the server's rule too). */
  function validate(): Record<string, FieldError> {
    const problems: Record<string, FieldError> = {};
    for (const field of values.value) {
      const draftValue = draft.value[field.key];
      if (fieldInput(field, draftValue, locale.value) !== null && isMissing(field, draftValue)) {
        problems[field.key] = clientError('userFields.profile.required');
      }
      const problem = numberProblem(field, draftValue, locale.value);
      if (problem) problems[field.key] = clientError(problem);
    }
    return problems;
  }

  /** What the server holds, as the form shows it. */
  const saved = (): FieldDraft => toFieldDraft(values.value, locale.value);

  return { values, draft, input, keys, reset, validate, saved };
}
