// Turns a failed request into errors a form can show: one per input field it
// names (`extensions.field`, or each entry of `extensions.errors` when the
// server lists every problem at once), the rest as general errors.
import { GraphQLRequestError, NetworkError, type GraphQLErrorExtensions, type GraphQLErrorShape } from './client';

export interface FieldError {
  /** BAD_USER_INPUT, EMAIL_TAKEN, NOT_FOUND, REQUIRED (client side), NETWORK_ERROR, ... */
  code: string;
  /** The server's message; shown as is for BAD_USER_INPUT. */
  message: string;
  /** A message of the app's own (client-side checks), as an i18n key. */
  i18nKey?: string;
  /** The values the i18n message names. */
  i18nParams?: Record<string, string>;
  existingUserId?: string;
  existingUserName?: string;
  /** EMAIL_TAKEN by an invitation: the role of the account that has the address (an end user's can be changed instead). */
  existingUserRole?: string;
  /** An organization name or domain already taken: the organization that has it. */
  existingOrganizationId?: string;
  /** UNAUTHENTICATED with reason LOCKED: too many failed sign-ins. */
  reason?: string;
  /** RATE_LIMITED and LOCKED: how long to wait. */
  retryAfterSeconds?: number;
}

export type FieldErrors = Record<string, FieldError>;

export interface FormErrors {
  fields: FieldErrors;
  general: FieldError[];
}

/** An error found before asking the server, e.g. a required field left empty. */
export function clientError(i18nKey: string, i18nParams?: Record<string, string>): FieldError {
  return { code: 'REQUIRED', message: '', i18nKey, ...(i18nParams ? { i18nParams } : {}) };
}

/** `input.email` and `email` both name the `email` field. */
export function fieldName(field: string): string {
  const parts = field.split('.');
  return parts[parts.length - 1] ?? field;
}

/** One problem the server listed in `extensions.errors`. */
interface ListedProblem {
  field?: unknown;
  code?: unknown;
  message?: unknown;
}

/** The error as a FieldError, with what the server says about who already has a value. */
function entryOf(message: string, extensions: GraphQLErrorExtensions): FieldError {
  const entry: FieldError = {
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    message,
  };
  if (extensions.existingUserId != null) entry.existingUserId = String(extensions.existingUserId);
  if (typeof extensions.existingUserName === 'string') entry.existingUserName = extensions.existingUserName;
  if (typeof extensions.existingUserRole === 'string') entry.existingUserRole = extensions.existingUserRole;
  if (extensions.existingOrganizationId != null) entry.existingOrganizationId = String(extensions.existingOrganizationId);
  if (typeof extensions.reason === 'string') entry.reason = extensions.reason;
  if (typeof extensions.retryAfterSeconds === 'number') entry.retryAfterSeconds = extensions.retryAfterSeconds;
  return entry;
}

/**
 * Every problem of one GraphQL error, with the field it names: the entries of
 * `extensions.errors` when there are any (the one `extensions.field` names
 * keeps the error's other details), else the error itself.
 */
function problemsOf(error: GraphQLErrorShape): { field: string | undefined; entry: FieldError }[] {
  const extensions = error.extensions ?? {};
  const whole = entryOf(error.message, extensions);
  const named = typeof extensions.field === 'string' ? extensions.field : undefined;
  const listed = Array.isArray(extensions.errors) ? (extensions.errors as ListedProblem[]) : [];
  if (listed.length === 0) return [{ field: named, entry: whole }];
  return listed.map((problem) => {
    const field = typeof problem.field === 'string' ? problem.field : undefined;
    const entry: FieldError = field !== undefined && field === named ? { ...whole } : { code: whole.code, message: whole.message };
    if (typeof problem.code === 'string') entry.code = problem.code;
    if (typeof problem.message === 'string') entry.message = problem.message;
    return { field, entry };
  });
}

export function toFormErrors(error: unknown, knownFields: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  if (error instanceof GraphQLRequestError) {
    for (const graphQLError of error.errors) {
      for (const { field: named, entry } of problemsOf(graphQLError)) {
        const field = named === undefined ? undefined : fieldName(named);
        // The first problem of a field shows next to it; any other is general, not lost.
        if (field && knownFields.includes(field) && !result.fields[field]) {
          result.fields[field] = entry;
        } else {
          result.general.push(entry);
        }
      }
    }
  } else if (error instanceof NetworkError) {
    result.general.push({ code: 'NETWORK_ERROR', message: error.message });
  } else {
    result.general.push({
      code: 'INTERNAL_SERVER_ERROR',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  return result;
}

/** Field errors as a `{ field -> message }` map. */
export function fieldMessages(errors: FormErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors.fields).map(([field, e]) => [field, e.message]));
}

/** Whole minutes to wait, at least one, for "Try again in N minutes". */
export function retryMinutes(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}
