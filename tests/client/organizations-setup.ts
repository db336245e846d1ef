import type { VueWrapper } from '@vue/test-utils';
import type { UserProfileFragment, OrganizationDetailsFragment } from '../../client/src/graphql/generated/graphql';
import { usersPage } from './helpers';

// What the organization tests (organizations-*.test.ts) share: organizations, their pages of users, and finding a button.

export function makeOrganization(overrides: Partial<OrganizationDetailsFragment> = {}): OrganizationDetailsFragment {
  return {
    id: '7',
    name: 'Navy',
    domains: ['navy.example.org'],
    details: null,
    notes: null,
    tags: ['government'],
    externalId: null,
    userCount: 2,
    createdAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function organizationsPage(organizations: OrganizationDetailsFragment[], options: { totalCount?: number; hasNextPage?: boolean } = {}) {
  return {
    data: {
      organizations: {
        totalCount: options.totalCount ?? organizations.length,
        pageInfo: {
          hasNextPage: options.hasNextPage ?? false,
          endCursor: organizations.length ? `org-${organizations[organizations.length - 1]!.id}` : null,
        },
        edges: organizations.map((node) => ({ cursor: `org-${node.id}`, node })),
      },
    },
  };
}

export const navy = makeOrganization();
export const army = makeOrganization({ id: '8', name: 'Army', domains: [], userCount: 0, tags: [] });
export const arctic = makeOrganization({ id: '9', name: 'Arctic Survey', domains: ['arctic.example'], userCount: 1 });

export function usersOf(
  organization: OrganizationDetailsFragment,
  users: UserProfileFragment[],
  options: { hasNextPage?: boolean; totalCount?: number } = {},
) {
  return { data: { organization: { id: organization.id, users: usersPage(users, options).data!.users } } };
}

export function findButton(wrapper: VueWrapper, text: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
