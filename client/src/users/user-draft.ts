// The profile form's working copy of a user, and the `updateUser` input that
// carries only what changed (an emptied text field becomes null: cleared).
import type { Role, UpdateUserInput, User } from '../graphql/schema-types';

export const TEXT_FIELDS = [
  'name',
  'email',
  'phone',
  'organization',
  'timeZone',
  'locale',
  'externalId',
  'alias',
  'details',
  'notes',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type UserDraft = Record<TextField, string> & {
  /** Comma-separated. */
  tags: string;
  role: Role;
  verified: boolean;
  suspended: boolean;
};

/** Every input field the form edits; server errors naming one land next to it. */
export const DRAFT_FIELDS = [...TEXT_FIELDS, 'tags', 'role', 'verified', 'suspended'] as const;

export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim();
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

export function toDraft(user: User): UserDraft {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, user[field] ?? ''])) as Record<
    TextField,
    string
  >;
  return {
    ...text,
    tags: formatTags(user.tags),
    role: user.role,
    verified: user.verified,
    suspended: user.suspended,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export function changedFields(user: User, draft: UserDraft): UpdateUserInput {
  const input: UpdateUserInput = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field];
    if (value !== (user[field] ?? '')) input[field] = value === '' ? null : value;
  }
  const tags = parseTags(draft.tags);
  if (!sameList(tags, user.tags)) input.tags = tags;
  if (draft.role !== user.role) input.role = draft.role;
  if (draft.verified !== user.verified) input.verified = draft.verified;
  if (draft.suspended !== user.suspended) input.suspended = draft.suspended;
  return input;
}
