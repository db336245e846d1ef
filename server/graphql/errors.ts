import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { shortenEchoes } from '../text/text-rules.js';
import { isStoreUnavailable } from '../db/unavailable.js';
import { msg, renderText, type Text } from '../i18n/message.js';
import { languageOfError, markLanguage } from '../i18n/language.js';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Lang } from '../i18n/language.js';

/** What an error says, kept as a message (code and parameters) so that it is written in the asker's language. */
const TEXT = Symbol('text');
/** Each problem's message of an error made by inputErrors, in order. */
const PROBLEM_TEXTS = Symbol('problemTexts');
type Localized = { [TEXT]?: Text; [PROBLEM_TEXTS]?: Text[] };

/** Sets what an error says (its message in English, and the message to translate). */
export function withText<E extends GraphQLError>(e: E, text: Text): E {
  e.message = String(text);
  (e as Localized)[TEXT] = text;
  return e;
}

/** The message an error carries (its catalog entry when it has one), e.g. to pass it on under another field. */
export function textOf(err: Error): Text {
  return (err as Localized)[TEXT] ?? err.message;
}

/**
 * Expected failures, typed. Every error a client sees is one of these or a
 * GraphQL request error (syntax, validation, variable coercion); anything else
 * becomes a bare INTERNAL_SERVER_ERROR, logged on the server, never with a
 * stack trace or SQL.
 */
export class UserInputError extends GraphQLError {
  constructor(
    readonly field: string,
    message: Text,
  ) {
    super(String(message), { extensions: { code: 'BAD_USER_INPUT', field } });
    withText(this, message);
  }
}

/** One invalid field of an input. */
export interface InputProblem {
  field: string;
  message: Text;
}

/** An input error as a problem, to answer it with the others (inputErrors). */
export const problemOf = (err: UserInputError): InputProblem => ({ field: err.field, message: textOf(err) });

/** Every problem of an input at once: the first in extensions.field, all in extensions.errors ({ field, code, message }). */
export function inputErrors(problems: InputProblem[]): UserInputError {
  const e = new UserInputError(problems[0].field, problems[0].message);
  e.extensions.errors = problems.map((p) => ({ field: p.field, code: 'BAD_USER_INPUT', message: String(p.message) }));
  (e as Localized)[PROBLEM_TEXTS] = problems.map((p) => p.message);
  return e;
}

/**
 * Collects the input errors of several checks, to answer every invalid field
 * at once: `check(() => rule(...))` keeps a BAD_USER_INPUT (or each problem of
 * an inputErrors) and goes on; `throwIfAny()` throws the one error as it was,
 * or inputErrors of them all. Other errors pass through at once.
 */
export class InputProblems {
  private readonly errors: UserInputError[] = [];

  check<T>(run: () => T): T {
    try {
      return run();
    } catch (err) {
      this.keep(err);
      return undefined as T;
    }
  }

  async checkAsync<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      this.keep(err);
      return undefined as T;
    }
  }

  add(err: UserInputError): void {
    this.errors.push(err);
  }

  get count(): number {
    return this.errors.length;
  }

  throwIfAny(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length > 1) throw inputErrors(this.errors.flatMap(problemsOf));
  }

  private keep(err: unknown): void {
    if (!(err instanceof UserInputError)) throw err;
    this.errors.push(err);
  }
}

/** Every problem an input error names (several for one made by inputErrors). */
export function problemsOf(err: UserInputError): InputProblem[] {
  const texts = (err as Localized)[PROBLEM_TEXTS];
  const listed = err.extensions.errors as { field: string }[] | undefined;
  if (texts && listed) return listed.map((p, i) => ({ field: p.field, message: texts[i] }));
  return [problemOf(err)];
}

export class EmailTakenError extends GraphQLError {
  constructor(existing: { id: number; name: string }, field = 'email') {
    const text = msg('common.emailTaken', { name: existing.name });
    super(String(text), {
      extensions: {
        code: 'EMAIL_TAKEN',
        field,
        existingUserId: String(existing.id),
        existingUserName: existing.name,
      },
    });
    withText(this, text);
  }
}

/** NOT_FOUND; `what` is the catalog's "… was not found." message for the kind of thing. */
export class NotFoundError extends GraphQLError {
  constructor(what: Text) {
    super(String(what), { extensions: { code: 'NOT_FOUND' } });
    withText(this, what);
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message: Text = msg('common.signInFirst'), extensions: Record<string, unknown> = {}) {
    super(String(message), { extensions: { code: 'UNAUTHENTICATED', ...extensions } });
    withText(this, message);
  }
}

export class ForbiddenError extends GraphQLError {
  /** `field`: the argument the refusal is about (`verified`), when it is one argument of an otherwise allowed change. */
  constructor(message: Text = msg('common.notAllowed'), field?: string) {
    super(String(message), { extensions: { code: 'FORBIDDEN', ...(field ? { field } : {}) } });
    withText(this, message);
  }
}

/** 429 with Retry-After, from a resolver (sign-in) or before GraphQL runs (API tokens). */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number, message: Text = msg('common.tooManyRequests')) {
    super(String(message), {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
    withText(this, message);
  }
}

/** Seconds a client is asked to wait when the database (or Redis) cannot be reached. */
export const UNAVAILABLE_RETRY_SECONDS = 2;
export const UNAVAILABLE_TEXT = msg('common.unavailable');
export const UNAVAILABLE_MESSAGE = String(UNAVAILABLE_TEXT);

/**
 * 503 with Retry-After: the database (or Redis) cannot be reached, so the request
 * failed at once and wrote nothing; the app reconnects by itself.
 */
export class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super(UNAVAILABLE_MESSAGE, {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
        http: { status: 503, headers: new Map([['retry-after', String(UNAVAILABLE_RETRY_SECONDS)]]) },
      },
    });
  }
}

const EXPOSED_CODES = new Set([
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'EMAIL_TAKEN',
  'CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
  'RESPONSE_TOO_LARGE',
]);

/**
 * Request errors Apollo raises without a code (answered 400): named here, so
 * that they reach the client as the client errors they are, never as an
 * INTERNAL_SERVER_ERROR with a logged stack.
 */
const UNCODED_REQUEST_ERRORS = new Map([
  ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['Unsupported persisted query version', 'BAD_REQUEST'],
]);

/** graphql-js's hints ("Did you mean the enum value ADMIN?", "Did you mean "users"?") name parts of the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** What the server log keeps of an error: message, code and stack, not the personal data in SQL parameters. */
function loggable(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: string; query?: string; driverError?: { code?: string } };
  return { type: e.name, message: e.message, code: e.code ?? e.driverError?.code, query: e.query, stack: e.stack };
}

let lastUnavailableLog = 0;

/**
 * The field a variable coercion error is about, as the other input errors name theirs: the variable, then the
 * path inside it graphql-js gives (`Variable "$i" got invalid value 5 at "i.ids[1]"; …` is `i.ids.1`). The path
 * is read only where graphql-js writes it, right after the value: a value quoting ` at "…"` has its quotes escaped.
 */
function variableField(message: string): string | null {
  const name = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!name) return null;
  const at = new RegExp(` at "(${name}(?:\\.\\w+|\\[\\d+\\])*)"; `).exec(message)?.[1];
  return (at ?? name).replace(/\[(\d+)\]/g, '.$1');
}

/**
 * The error's message and its problems' messages in the language of the
 * request (i18n/language.ts), when they come from the catalog.
 */
function translated(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const source = [error, unwrapResolverError(error)].find((e): e is Localized => typeof e === 'object' && e !== null && TEXT in e);
  if (!source) return formatted;
  const lang = languageOfError(error);
  const extensions = { ...formatted.extensions };
  const texts = source[PROBLEM_TEXTS];
  if (texts && Array.isArray(extensions.errors)) {
    extensions.errors = (extensions.errors as { message: string }[]).map((p, i) => ({
      ...p,
      message: texts[i] ? renderText(texts[i], lang) : p.message,
    }));
  }
  return { ...formatted, message: renderText(source[TEXT] as Text, lang), extensions };
}

/**
 * Apollo's formatError: the one place errors are mapped for clients. With
 * `hideSuggestions` (introspection off), no message suggests a field, type,
 * argument or enum value name.
 */
export function makeFormatError(log: Logger, options: { hideSuggestions?: boolean } = {}) {
  return (original: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = translated(original, error);
    const message = options.hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    const code = UNCODED_REQUEST_ERRORS.get(formatted.message) ?? formatted.extensions?.code;
    if (typeof code === 'string' && EXPOSED_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      const field = code === 'BAD_USER_INPUT' && extensions.field === undefined ? variableField(formatted.message) : null;
      if (field !== null) extensions.field = field;
      // Input a client sent comes back shortened (graphql-js quotes variable values whole).
      return { ...formatted, message: shortenEchoes(message), extensions: { ...extensions, code } };
    }
    const cause = unwrapResolverError(error);
    if (isStoreUnavailable(cause)) {
      // One line a second is enough: during an outage every field of every request fails the same way.
      if (Date.now() - lastUnavailableLog > 1000) {
        lastUnavailableLog = Date.now();
        log.warn({ err: loggable(cause), path: formatted.path }, 'database unavailable');
      }
      return {
        message: UNAVAILABLE_TEXT.render(languageOfError(error)),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
      };
    }
    log.error({ err: loggable(cause), path: formatted.path }, 'unexpected error in resolver');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Marks each error of an operation with the asker's language before Apollo
 * formats it (formatError has no context): makeFormatError then writes the
 * message in that language (i18n/language.ts).
 */
export function languagePlugin<C extends { lang: Lang }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) markLanguage(error, contextValue.lang);
        },
      };
    },
  };
}
