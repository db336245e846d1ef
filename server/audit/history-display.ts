import type { Loaders } from '../graphql/loaders.js';
import { LookupTarget, UserFieldType, type UserField } from '../fields/user-field.types.js';
import { currentZoneName } from '../users/time-zone-names.js';
import { displayPhone } from '../users/phone-display.js';
import type { FieldChange } from './audit.types.js';
import { HistoryValueKind, type HistoryValue } from './history-value.types.js';

/**
 * A history line's values as people read them (FieldChange.oldDisplay and
 * newDisplay): what each is, and what it refers to now, through the request's
 * loaders (a page of history costs one query per kind of thing). The words
 * (Yes, a language's or zone's name, a date in the reader's language) are the
 * client's: the server stays without language.
 */

const plain = (kind: HistoryValueKind, value: string): HistoryValue => ({ kind, value, label: null, refId: null, gone: false });

/** A MULTISELECT's options are recorded as "a, b" (an option's value holds no comma). */
const items = (text: string): string[] => text.split(', ').filter((item) => item !== '');

const BY_FIELD: Record<string, HistoryValueKind> = {
  timeZone: HistoryValueKind.TIME_ZONE,
  locale: HistoryValueKind.LANGUAGE,
  role: HistoryValueKind.ROLE,
  verified: HistoryValueKind.BOOLEAN,
  suspended: HistoryValueKind.BOOLEAN,
  ticketsRequested: HistoryValueKind.NUMBER,
  ticketsCopied: HistoryValueKind.NUMBER,
};

async function person(id: string, loaders: Loaders): Promise<HistoryValue> {
  const user = /^\d{1,15}$/.test(id) ? await loaders.users.load(Number(id)) : null;
  return user
    ? { kind: HistoryValueKind.PERSON, value: id, label: user.name, refId: String(user.id), gone: false }
    : { kind: HistoryValueKind.PERSON, value: id, label: null, refId: null, gone: true };
}

async function organization(name: string, id: number | null | undefined, loaders: Loaders): Promise<HistoryValue> {
  // Lines written before ids were recorded name the organization only.
  if (id === null || id === undefined) return plain(HistoryValueKind.ORGANIZATION, name);
  const org = await loaders.organizations.load(id);
  return org
    ? { kind: HistoryValueKind.ORGANIZATION, value: name, label: org.name, refId: String(org.id), gone: false }
    : { kind: HistoryValueKind.ORGANIZATION, value: name, label: null, refId: null, gone: true };
}

/** Options by their titles now ("Pro, Team"); one no longer offered keeps its value, and a lone one is `gone`. */
function options(field: UserField, text: string): HistoryValue {
  const values = field.type === UserFieldType.DROPDOWN ? [text] : items(text);
  const found = values.map((value) => field.options.find((o) => o.value.toLowerCase() === value.toLowerCase()));
  const gone = found.every((option) => !option);
  const label = gone ? null : found.map((option, i) => option?.title ?? values[i]).join(', ');
  return { kind: HistoryValueKind.OPTION, value: text, label, refId: null, gone };
}

async function custom(field: UserField | undefined, text: string, loaders: Loaders): Promise<HistoryValue> {
  switch (field?.type) {
    case UserFieldType.CHECKBOX:
      return plain(HistoryValueKind.BOOLEAN, text);
    case UserFieldType.INTEGER:
    case UserFieldType.DECIMAL:
      return plain(HistoryValueKind.NUMBER, text);
    case UserFieldType.DATE:
      return plain(HistoryValueKind.DATE, text);
    case UserFieldType.DROPDOWN:
    case UserFieldType.MULTISELECT:
      return options(field, text);
    case UserFieldType.LOOKUP: {
      if (field.lookupTarget !== LookupTarget.ORGANIZATION) return person(text, loaders);
      const org = /^\d{1,15}$/.test(text) ? await loaders.organizations.load(Number(text)) : null;
      return org
        ? { kind: HistoryValueKind.ORGANIZATION, value: text, label: org.name, refId: String(org.id), gone: false }
        : { kind: HistoryValueKind.ORGANIZATION, value: text, label: null, refId: null, gone: true };
    }
    default:
      return plain(HistoryValueKind.TEXT, text);
  }
}

/** Phone numbers (E.164, "a, b" for several) the way a profile shows them: +44 20 7946 0910. */
const phones = (text: string): string => items(text).map(displayPhone).join(', ');

/** One side of a change; null when there was no value or the change is redacted. */
export function displayValue(change: FieldChange, side: 'old' | 'new', loaders: Loaders): Promise<HistoryValue | null> {
  if (change.redacted) return Promise.resolve(null);
  return side === 'old'
    ? displayOf(change.field, change.oldValue, loaders, change.oldRef)
    : displayOf(change.field, change.newValue, loaders, change.newRef);
}

/**
 * A field's stored text as people read it (a side of a history line, a value of a merge choice); null when there is
 * none. `ref`: an organization's id, when the text is its name.
 */
export async function displayOf(field: string, text: string | null, loaders: Loaders, ref?: number | null): Promise<HistoryValue | null> {
  if (text === null || text === '') return null;
  if (field.startsWith('fields.')) {
    const key = field.slice('fields.'.length);
    const definition = (await loaders.fieldDefinitions()).find((f) => f.key === key);
    return custom(definition, text, loaders);
  }
  if (field === 'organization') return organization(text, ref, loaders);
  if (field === 'timeZone') return plain(HistoryValueKind.TIME_ZONE, currentZoneName(text));
  if (field === 'phone' || field === 'phones') return plain(HistoryValueKind.TEXT, phones(text));
  return plain(BY_FIELD[field] ?? HistoryValueKind.TEXT, text);
}
