// The server names the people of a ticket write by path (requester.email,
// ccs.2.email, to.0.id): such an error shows next to the control that holds
// them (requester, ccs, to).
import { GraphQLRequestError } from '../graphql/client';
import { toFormErrors, type FormErrors } from '../graphql/errors';

export function ticketFormErrors(failure: unknown, fields: readonly string[]): FormErrors {
  if (failure instanceof GraphQLRequestError) {
    for (const error of failure.errors) {
      const extensions = error.extensions as { field?: unknown; errors?: { field?: unknown }[] } | undefined;
      if (!extensions) continue;
      const head = (field: unknown) => (typeof field === 'string' ? field.split('.')[0] : field);
      extensions.field = head(extensions.field);
      for (const problem of extensions.errors ?? []) problem.field = head(problem.field);
    }
  }
  return toFormErrors(failure, fields);
}
