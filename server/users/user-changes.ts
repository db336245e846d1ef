import { InputProblems, UserInputError } from '../graphql/errors.js';
import { parseId } from '../graphql/ids.js';
import { Role } from './user.entity.js';
import {
  externalIdKey,
  LIMITS,
  normalizeLocale,
  normalizeName,
  normalizePhone,
  normalizeTags,
  normalizeTimeZone,
  optionalLine,
  optionalText,
  searchKey,
} from './profile-rules.js';
import type { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { msg } from '../i18n/message.js';
import { labelText } from '../i18n/labels.js';

/** Columns of `users` that an input may set, in their stored form. */
export interface ProfileColumns {
  name: string;
  nameKey: string;
  role: Role;
  phone: string | null;
  timeZone: string | null;
  locale: string | null;
  externalId: string | null;
  externalIdKey: string | null;
  alias: string | null;
  details: string | null;
  notes: string | null;
  verified: boolean;
  suspended: boolean;
}

export interface ProfileChanges {
  columns: Partial<ProfileColumns>;
  /** Replacement tag set, when tags were given. */
  tags?: string[];
  /** The organization named by id or by name; null leaves it; undefined when not given. */
  organization?: { id: number } | { name: string } | null;
}

type Input = CreateUserInput | UpdateUserInput;
type Rule = (value: unknown, out: Partial<ProfileColumns>, opts: RuleOptions) => void;
interface RuleOptions {
  defaultPhoneCountry?: string;
}

const text = (v: unknown): string => v as string;

function required(field: string, label: string, value: unknown): void {
  if (value === null) throw new UserInputError(field, msg('users.empty', { label: labelText(label) }));
}

/** One rule per input field (email and tags are handled by the caller). */
const RULES: Record<string, Rule> = {
  name: (v, out) => {
    required('name', 'Name', v);
    out.name = normalizeName(text(v));
    out.nameKey = searchKey(out.name);
  },
  role: (v, out) => {
    required('role', 'Role', v);
    out.role = v as Role;
  },
  phone: (v, out, o) => {
    out.phone = v === null ? null : normalizePhone(text(v), o.defaultPhoneCountry);
  },
  timeZone: (v, out) => {
    out.timeZone = v === null ? null : normalizeTimeZone(text(v));
  },
  locale: (v, out) => {
    out.locale = v === null ? null : normalizeLocale(text(v));
  },
  externalId: (v, out) => {
    const id = v === null ? null : optionalLine('externalId', 'External ID', text(v), LIMITS.externalId, 'name');
    out.externalId = id;
    out.externalIdKey = id === null ? null : externalIdKey(id);
  },
  alias: (v, out) => {
    out.alias = v === null ? null : optionalLine('alias', 'Alias', text(v), LIMITS.alias, 'name');
  },
  details: (v, out) => {
    out.details = v === null ? null : optionalText('details', 'Details', text(v), LIMITS.details);
  },
  notes: (v, out) => {
    out.notes = v === null ? null : optionalText('notes', 'Notes', text(v), LIMITS.notes);
  },
  verified: (v, out) => {
    required('verified', 'Verified', v);
    out.verified = v as boolean;
  },
  suspended: (v, out) => {
    required('suspended', 'Suspended', v);
    out.suspended = v as boolean;
  },
};

/** Validates every given field of an input (every problem at once); fields left out stay out. */
export function profileChanges(input: Input, opts: RuleOptions): ProfileChanges {
  const problems = new InputProblems();
  const columns: Partial<ProfileColumns> = {};
  for (const [field, rule] of Object.entries(RULES)) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined) problems.check(() => rule(value, columns, opts));
  }
  const changes: ProfileChanges = { columns };
  if (input.tags !== undefined) problems.check(() => (changes.tags = input.tags === null ? [] : normalizeTags(input.tags!)));
  problems.check(() => organizationChange(input, changes));
  problems.throwIfAny();
  return changes;
}

function organizationChange(input: Input, changes: ProfileChanges): void {
  if (input.organizationId !== undefined && input.organization !== undefined) {
    throw new UserInputError('organizationId', msg('users.giveOrganizationidOrganizationNot'));
  }
  if (input.organizationId !== undefined) {
    const id = input.organizationId;
    const n = id === null ? null : parseId(id);
    // An id that names nothing is answered as one that does not exist (resolveOrganization's message).
    if (id !== null && n === null) throw new UserInputError('organizationId', msg('users.thereNoOrganizationWith', { id }));
    changes.organization = n === null ? null : { id: n };
  } else if (input.organization !== undefined) {
    const name = input.organization === null ? null : optionalLine('organization', 'Organization', input.organization, LIMITS.organization, 'name');
    changes.organization = name === null ? null : { name };
  }
}
