import type { IdentityDetailsFragment, UserProfileFragment } from '../graphql/generated/graphql';

type WithEmails = Pick<UserProfileFragment, 'email'> & {
  identities?: readonly Pick<IdentityDetailsFragment, 'type' | 'primary' | 'displayValue'>[];
};

/** The primary address as people read it (IDN domains in Unicode), else `email`. */
export function displayEmail(user: WithEmails): string | null {
  const primary = user.identities?.find((identity) => identity.type === 'EMAIL' && identity.primary);
  return primary?.displayValue ?? user.email;
}
