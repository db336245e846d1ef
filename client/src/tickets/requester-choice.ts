// Who a new ticket is for: an existing customer (id), or a new one (no id yet:
// saved with the ticket), and the UserRefInput that names them.
import type { UserRefInput } from '../graphql/generated/graphql';

export interface RequesterChoice {
  id: string | null;
  name: string;
  email: string;
}

export const labelOf = (choice: RequesterChoice): string => `${choice.name} <${choice.email}>`;

export function refOf(choice: RequesterChoice): UserRefInput {
  return choice.id ? { id: choice.id } : { email: choice.email, name: choice.name };
}
