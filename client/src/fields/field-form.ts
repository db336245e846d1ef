// The create / edit form of a field definition: its working copy, the checks
// made before asking the server, and the inputs sent.
import type {
  CreateUserFieldInput,
  FieldDefinitionFragment,
  LookupTarget,
  UpdateUserFieldInput,
  UserFieldOptionInput,
  UserFieldType,
} from '../graphql/generated/graphql';
import { keyProblem, suggestKey } from './field-key';
import { hasOptions } from './field-types';

export interface OptionRow {
  /** Stable identity for v-for and focus, also for rows not saved yet. */
  uid: number;
  title: string;
  value: string;
  /** The admin typed the value: stop deriving it from the title. */
  valueEdited: boolean;
  /** Saved with the field: profiles may hold this value, so it stays. */
  saved: boolean;
}

export interface FieldForm {
  title: string;
  key: string;
  /** The admin typed the key: stop suggesting one from the title. */
  keyEdited: boolean;
  type: UserFieldType;
  description: string;
  pattern: string;
  patternHint: string;
  options: OptionRow[];
  lookupTarget: LookupTarget;
  required: boolean;
  active: boolean;
}

/** The form's own fields; server errors naming one land next to it. */
export const FORM_FIELDS = [
  'key',
  'title',
  'type',
  'description',
  'pattern',
  'patternHint',
  'options',
  'lookupTarget',
  'required',
  'active',
] as const;

let nextUid = 1;

export function optionRow(title = '', value = '', saved = false): OptionRow {
  return { uid: nextUid++, title, value, valueEdited: value !== '' && value !== optionValueFrom(title), saved };
}

export function emptyForm(): FieldForm {
  return {
    title: '',
    key: '',
    keyEdited: false,
    type: 'TEXT',
    description: '',
    pattern: '',
    patternHint: '',
    options: [],
    lookupTarget: 'USER',
    required: false,
    active: true,
  };
}

export function formFrom(field: FieldDefinitionFragment): FieldForm {
  return {
    title: field.title,
    key: field.key,
    keyEdited: true,
    type: field.type,
    description: field.description ?? '',
    pattern: field.pattern ?? '',
    patternHint: field.patternHint ?? '',
    options: [...field.options].sort((a, b) => a.position - b.position).map((option) => optionRow(option.title, option.value, true)),
    lookupTarget: field.lookupTarget ?? 'USER',
    required: field.required,
    active: field.active,
  };
}

/** An option's value made from its title: "Gold plan" → "gold_plan". */
export function optionValueFrom(title: string): string {
  const slug = suggestKey(title);
  return slug.startsWith('field_') && /^[0-9]+$/.test(title.trim()) ? title.trim() : slug || title.trim();
}

/** The title changed: the key (on a new field) and unsaved option values follow it until typed. */
export function followTitle(form: FieldForm): void {
  if (!form.keyEdited) form.key = suggestKey(form.title);
}

export function followOptionTitle(row: OptionRow): void {
  if (!row.valueEdited && !row.saved) row.value = optionValueFrom(row.title);
}

function options(form: FieldForm): UserFieldOptionInput[] {
  return form.options.map((row) => ({ title: row.title.trim(), value: row.value.trim() }));
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** What creating and editing a field both send. */
function sharedInput(form: FieldForm): UpdateUserFieldInput {
  const input: UpdateUserFieldInput = {
    title: form.title.trim(),
    description: orNull(form.description),
    required: form.required,
    active: form.active,
  };
  if (form.type === 'REGEXP') {
    input.pattern = form.pattern;
    input.patternHint = orNull(form.patternHint);
  }
  if (hasOptions(form.type)) input.options = options(form);
  return input;
}

/** A new field also has its key and type, and a lookup its target: fixed from then on. */
export function createInput(form: FieldForm): CreateUserFieldInput {
  const input: CreateUserFieldInput = { ...sharedInput(form), key: form.key, title: form.title.trim(), type: form.type };
  if (form.type === 'LOOKUP') input.lookupTarget = form.lookupTarget;
  return input;
}

export function updateInput(form: FieldForm): UpdateUserFieldInput {
  return sharedInput(form);
}

export interface OptionProblems {
  /** An i18n key, or a message with its parameters. */
  list: { key: string; params?: Record<string, string> } | null;
  /** Rows with an empty title or a missing / repeated value, by uid. */
  titles: Set<number>;
  values: Set<number>;
}

export function optionProblems(rows: readonly OptionRow[]): OptionProblems {
  const problems: OptionProblems = { list: null, titles: new Set(), values: new Set() };
  if (rows.length === 0) {
    problems.list = { key: 'userFields.options.required' };
    return problems;
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.title.trim() === '') {
      problems.titles.add(row.uid);
      problems.list ??= { key: 'userFields.options.titleRequired' };
    }
    const value = row.value.trim();
    if (value === '') {
      problems.values.add(row.uid);
      problems.list ??= { key: 'userFields.options.valueRequired' };
      continue;
    }
    const folded = value.toLowerCase();
    const first = seen.get(folded);
    if (first !== undefined) {
      problems.values.add(first);
      problems.values.add(row.uid);
      problems.list ??= { key: 'userFields.options.duplicate', params: { value } };
    } else {
      seen.set(folded, row.uid);
    }
  }
  return problems;
}

/** Checks made before sending: i18n keys by form field. */
export function formProblems(form: FieldForm, creating: boolean): Partial<Record<(typeof FORM_FIELDS)[number], string>> {
  const problems: Partial<Record<(typeof FORM_FIELDS)[number], string>> = {};
  if (form.title.trim() === '') problems.title = 'userFields.form.titleRequired';
  if (creating) {
    const key = keyProblem(form.key);
    if (key) problems.key = key;
  }
  if (form.type === 'REGEXP' && form.pattern.trim() === '') problems.pattern = 'userFields.form.patternRequired';
  return problems;
}

/**
 * Options pasted one per line: "Title", "Title | value", or two
 * tab-separated columns from a spreadsheet. Blank lines and values already
 * in `existing` (or repeated in the paste) are skipped.
 */
export function parsePastedOptions(text: string, existing: readonly OptionRow[]): OptionRow[] {
  const taken = new Set(existing.map((row) => row.value.trim().toLowerCase()).filter(Boolean));
  const rows: OptionRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const separator = line.includes('\t') ? '\t' : line.includes('|') ? '|' : null;
    const [rawTitle = '', ...rest] = separator ? line.split(separator) : [line];
    const title = rawTitle.trim();
    if (title === '') continue;
    const given = rest.join(separator ?? '').trim();
    const value = given || optionValueFrom(title);
    const folded = value.toLowerCase();
    if (taken.has(folded)) continue;
    taken.add(folded);
    rows.push(optionRow(title, value));
  }
  return rows;
}
