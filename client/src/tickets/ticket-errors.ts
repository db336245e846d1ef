// The server names the people of a ticket write by path (requester.email,
// ccs.2.email, to.0.id): such an error shows next to the control that holds
// them (requester, ccs, to), and, for a field that lists several people, it
// names the entry it is about (`kim@newco — …`), as the checks made before
// sending do (`“Kim <kim@newco” is not an email address.`).
import { GraphQLRequestError } from '../graphql/client';
import { clientError, toFormErrors, type FieldError, type FormErrors } from '../graphql/errors';

/** The check of an address field: the entries that are not addresses, each named as typed. */
export function invalidEntriesError(invalid: readonly string[]): FieldError | undefined {
  if (invalid.length === 0) return undefined;
  if (invalid.length === 1) return clientError('tickets.notAnAddress', { entry: invalid[0]! });
  return clientError('tickets.notAnAddressList', { entries: invalid.join(' · ') });
}

/**
 * Turns a refused ticket write into form errors. `entries` gives, for a field
 * that lists people, what was sent for each (in order), so that `ccs.2.email`
 * says which of them the server refused.
 */
export function ticketFormErrors(failure: unknown, fields: readonly string[], entries: Record<string, readonly string[]> = {}): FormErrors {
  if (failure instanceof GraphQLRequestError) {
    for (const error of failure.errors) {
      const extensions = error.extensions as { field?: unknown; errors?: { field?: unknown; message?: unknown }[] } | undefined;
      if (!extensions) continue;
      const head = (field: unknown) => (typeof field === 'string' ? field.split('.')[0] : field);
      /** The entry a path such as ccs.2.email is about, if known. */
      const entryOf = (field: unknown): string | undefined => {
        if (typeof field !== 'string') return undefined;
        const [name, index] = field.split('.');
        return name !== undefined && index !== undefined && /^\d+$/u.test(index) ? entries[name]?.[Number(index)] : undefined;
      };
      const named = (field: unknown, message: string): string => {
        const entry = entryOf(field);
        return entry === undefined ? message : `${entry} — ${message}`;
      };
      for (const problem of extensions.errors ?? []) {
        if (typeof problem.message === 'string') problem.message = named(problem.field, problem.message);
        problem.field = head(problem.field);
      }
      (error as { message: string }).message = named(extensions.field, error.message);
      extensions.field = head(extensions.field);
    }
  }
  const result = toFormErrors(failure, fields);
  // A side conversation (or its reply) that would mail a held ticket's requester or a CC: the server's words
  // are for every client (they name updateTicket and the public reply); the app says what to do here.
  for (const name of ['to', 'message']) if (result.fields[name]?.reason === 'HELD') result.fields[name] = clientError('tickets.page.sideHeld');
  return result;
}

/** The same, as a form's `toErrors`, knowing what each listed field sent. */
export function ticketErrorsWith(entries: () => Record<string, readonly string[]>) {
  return (failure: unknown, fields: readonly string[]): FormErrors => ticketFormErrors(failure, fields, entries());
}
