/** A GraphQL POST to a server at `base`, with a cookie or a bearer token; answers the HTTP status, headers and body. */
export async function postGraphQL(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  auth: { cookie?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON (e.g. "Accueil is starting.") */
  }
  return { status: res.status, headers: res.headers, body };
}

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }';

/** Signs in and returns the session cookie (`name=value`); throws when refused. */
export async function signInAt(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as { errors?: unknown };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('accueil_session='));
  if (body.errors || !cookie) throw new Error(`sign-in refused for ${email}: ${JSON.stringify(body.errors)}`);
  return cookie.split(';')[0];
}
