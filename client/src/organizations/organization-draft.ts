// The organization form's working copy, and the `updateOrganization` input
// that carries only what changed (an emptied text becomes null: cleared).
import type { OrganizationDetailsFragment, UpdateOrganizationInput } from '../graphql/generated/graphql';

export const ORGANIZATION_TEXT_FIELDS = ['name', 'externalId', 'details', 'notes'] as const;
type TextField = (typeof ORGANIZATION_TEXT_FIELDS)[number];

export type OrganizationDraft = Record<TextField, string> & { domains: string[]; tags: string[] };

/** Input fields the form edits; a server error naming one lands next to it. */
export const ORGANIZATION_FIELDS = [...ORGANIZATION_TEXT_FIELDS, 'domains', 'tags'] as const;

export function toOrganizationDraft(organization: OrganizationDetailsFragment): OrganizationDraft {
  return {
    name: organization.name,
    externalId: organization.externalId ?? '',
    details: organization.details ?? '',
    notes: organization.notes ?? '',
    domains: [...organization.domains],
    tags: [...organization.tags],
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export function changedOrganizationFields(organization: OrganizationDetailsFragment, draft: OrganizationDraft): UpdateOrganizationInput {
  const input: UpdateOrganizationInput = {};
  if (draft.name !== organization.name) input.name = draft.name;
  for (const field of ['externalId', 'details', 'notes'] as const) {
    const value = draft[field];
    if (value !== (organization[field] ?? '')) input[field] = value === '' ? null : value;
  }
  if (!sameList(draft.domains, organization.domains)) input.domains = [...draft.domains];
  if (!sameList(draft.tags, organization.tags)) input.tags = [...draft.tags];
  return input;
}
