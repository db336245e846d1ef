// A small fetch-based GraphQL client: one POST per operation to /graphql.
// Operations are typed documents generated from schema.graphql (`npm run
// codegen`): `request()` infers their data and variables.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

export const GRAPHQL_ENDPOINT = '/graphql';

/** The name the server logs and the text sent, printed once per document. */
interface PreparedOperation {
  operationName: string;
  query: string;
}
const prepared = new WeakMap<object, PreparedOperation>();

function prepare(document: DocumentNode): PreparedOperation {
  let operation = prepared.get(document);
  if (!operation) {
    const definition = document.definitions.find((node): node is OperationDefinitionNode => node.kind === 'OperationDefinition');
    if (!definition?.name) throw new Error('A GraphQL document needs one named operation');
    operation = { operationName: definition.name.value, query: print(document) };
    prepared.set(document, operation);
  }
  return operation;
}

/** Documents that answer UNAUTHENTICATED for their own reasons (sign-in): not a lapsed session. */
const publicDocuments = new WeakSet<object>();

/** Marks an operation as public: its UNAUTHENTICATED answers do not end the session. */
export function publicOperation<TDocument extends object>(document: TDocument): TDocument {
  publicDocuments.add(document);
  return document;
}

export interface GraphQLErrorExtensions {
  code?: string;
  field?: string;
  existingUserId?: string | number;
  existingUserName?: string;
  /** UNAUTHENTICATED: LOCKED when too many sign-ins failed. */
  reason?: string;
  /** RATE_LIMITED, and LOCKED sign-ins. */
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export interface GraphQLErrorShape {
  message: string;
  path?: readonly (string | number)[];
  extensions?: GraphQLErrorExtensions;
}

/** The server answered with `errors`. */
export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: readonly GraphQLErrorShape[],
    readonly status: number,
  ) {
    super(errors.map((error) => error.message).join('; ') || 'GraphQL error');
    this.name = 'GraphQLRequestError';
  }
}

/** The server could not be reached, or did not answer with GraphQL. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

type UnauthenticatedListener = () => void;
let unauthenticatedListener: UnauthenticatedListener | null = null;

/**
 * Called whenever an answer says UNAUTHENTICATED (the session ended or
 * expired), except for public operations such as signIn. The app sends the
 * person to the sign-in page. Returns a function that removes the listener.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListener = listener;
  return () => {
    if (unauthenticatedListener === listener) unauthenticatedListener = null;
  };
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof GraphQLRequestError && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** The header that tells the server the app's language, for the messages it writes (before Accept-Language). */
export const LANGUAGE_HEADER = 'accueil-language';
let requestLocale: string | null = null;

/** The app's interface language, sent with every operation so that server messages come back in it (i18n.ts keeps it current). */
export function setRequestLocale(locale: string | null): void {
  requestLocale = locale;
}

/** The language header for a request to the server (GraphQL, an upload, a download). */
export function languageHeaders(): Record<string, string> {
  return requestLocale ? { [LANGUAGE_HEADER]: requestLocale } : {};
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: GraphQLErrorShape[];
}

export async function request<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { signal?: AbortSignal } = {},
): Promise<TData> {
  const operation = prepare(document);
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      // The session cookie travels with same-origin requests (the default, said out loud).
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...languageHeaders(),
      },
      body: JSON.stringify({
        operationName: operation.operationName,
        query: operation.query,
        variables,
      }),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }

  let body: GraphQLResponseBody<TData>;
  try {
    body = (await response.json()) as GraphQLResponseBody<TData>;
  } catch {
    throw new NetworkError(`Unexpected response (HTTP ${response.status})`, response.status);
  }

  if (body.errors && body.errors.length > 0) {
    const error = new GraphQLRequestError(body.errors, response.status);
    if (!publicDocuments.has(document) && isUnauthenticated(error)) unauthenticatedListener?.();
    throw error;
  }
  if (body.data === undefined || body.data === null) {
    throw new NetworkError(`No data in response (HTTP ${response.status})`, response.status);
  }
  return body.data;
}
