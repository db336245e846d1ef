// Phone numbers as people read them: the server's displayValue (international
// format, +44 20 7946 0958: server/users/phone-display.ts), so the app shows a
// number the one way the API does. As stored (E.164) only where an answer
// carries no identity for it.
import type { IdentityDetailsFragment } from '../graphql/generated/graphql';

type Identity = Pick<IdentityDetailsFragment, 'type' | 'displayValue'>;

type WithPhones = { phone?: string | null; identities?: readonly (Identity & Pick<IdentityDetailsFragment, 'primary'>)[] };

/** The primary phone as people read it, else `phone` as stored; null when there is none. */
export function displayPhone(user: WithPhones): string | null {
  const primary = user.identities?.find((identity) => identity.type === 'PHONE' && identity.primary);
  return primary?.displayValue ?? user.phone ?? null;
}

/** Stored numbers, each as its identity among `identities` shows it (else as stored). */
export function displayPhones(numbers: readonly string[], identities: readonly (Identity & Pick<IdentityDetailsFragment, 'value'>)[]): string[] {
  return numbers.map((number) => identities.find((identity) => identity.type === 'PHONE' && identity.value === number)?.displayValue ?? number);
}
