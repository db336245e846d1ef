// The team (agents and admins), invitations, and staff's forgotten passwords (issue 13).
import { graphql } from '../graphql/generated';

graphql(`
  fragment TeamMember on User {
    id
    name
    email
    role
    suspended
    lastSignInAt
    invitedAt
  }
`);

/** Agents and admins, newest first (the users list filtered by role). */
export const TeamDocument = graphql(`
  query Team($first: Int, $after: String, $query: String) {
    users(first: $first, after: $after, query: $query, filter: { roles: [AGENT, ADMIN] }) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...TeamMember
        }
      }
    }
  }
`);

export const InviteTeamMemberDocument = graphql(`
  mutation InviteTeamMember($input: InviteTeamMemberInput!) {
    inviteTeamMember(input: $input) {
      ...TeamMember
    }
  }
`);

export const ResendInvitationDocument = graphql(`
  mutation ResendInvitation($userId: ID!) {
    resendInvitation(userId: $userId) {
      ...TeamMember
    }
  }
`);

export const RevokeInvitationDocument = graphql(`
  mutation RevokeInvitation($userId: ID!) {
    revokeInvitation(userId: $userId)
  }
`);
