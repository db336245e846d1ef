// The profile form's working copy of a user, and the `updateUser` input that
// carries only what changed (an emptied text field becomes null: cleared).
import type { OrganizationRefFragment, Role, UpdateUserInput, UserProfileFragment } from '../graphql/generated/graphql';

// The primary email and phone are not in it: they change in one place, the Contacts card (contacts/PrimaryContacts.vue).
export const TEXT_FIELDS = ['name', 'timeZone', 'locale', 'externalId', 'alias', 'details', 'notes'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type UserDraft = Record<TextField, string> & {
  /** Picked from the existing organizations; sent as organizationId. */
  organization: OrganizationRefFragment | null;
  /** Normalized as the server does, in the order added. */
  tags: string[];
  role: Role;
  verified: boolean;
  suspended: boolean;
};

/** Every input field the form edits; server errors naming one land next to it. */
export const DRAFT_FIELDS = [...TEXT_FIELDS, 'organization', 'organizationId', 'tags', 'role', 'verified', 'suspended'] as const;

export function toDraft(user: UserProfileFragment): UserDraft {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, user[field] ?? ''])) as Record<TextField, string>;
  return {
    ...text,
    organization: user.organization ? { id: user.organization.id, name: user.organization.name } : null,
    tags: [...user.tags],
    role: user.role,
    verified: user.verified,
    suspended: user.suspended,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export function changedFields(user: UserProfileFragment, draft: UserDraft): UpdateUserInput {
  const input: UpdateUserInput = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field];
    if (value !== (user[field] ?? '')) input[field] = value === '' ? null : value;
  }
  if ((draft.organization?.id ?? null) !== (user.organization?.id ?? null)) {
    input.organizationId = draft.organization?.id ?? null;
  }
  if (!sameList(draft.tags, user.tags)) input.tags = [...draft.tags];
  if (draft.role !== user.role) input.role = draft.role;
  if (draft.verified !== user.verified) input.verified = draft.verified;
  if (draft.suspended !== user.suspended) input.suspended = draft.suspended;
  return input;
}

/**
 * The draft after the user changed on the server while the form was open
 * (an email added in Contacts, say): what the person edited stays, the rest
 * follows the server.
 */
export function rebaseDraft(previous: UserProfileFragment, next: UserProfileFragment, draft: UserDraft): UserDraft {
  const before = toDraft(previous);
  const result: Record<string, unknown> = { ...toDraft(next) };
  for (const [key, value] of Object.entries(draft)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof UserDraft])) result[key] = value;
  }
  return result as UserDraft;
}
