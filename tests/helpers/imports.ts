import { expect } from 'vitest';
import type { Auth, TestApp } from './test-app.js';

export const JOB_FIELDS = `id status mode fileName delimiter rowsTotal rowsRead created updated unchanged failed rowsPerSecond secondsLeft fileError failedRowsUrl
  createdBy { id } startedAt finishedAt errors(first: 100) { line column code message }`;

/** POST /imports/users as a script would: multipart, the fields before the file. */
export async function upload(
  app: TestApp,
  csv: string | Uint8Array,
  fields: Record<string, string> = {},
  auth: Auth = app.admin,
  headers: Record<string, string> = { 'x-accueil-csrf': '1' },
  fileName = 'people.csv',
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof csv === 'string' ? csv : Buffer.from(csv)], { type: 'text/csv' }), fileName);
  const h: Record<string, string> = { ...headers };
  if (auth.kind === 'cookie') h.cookie = auth.cookie;
  if (auth.kind === 'token') h.authorization = `Bearer ${auth.token}`;
  const res = await fetch(`${app.url}/imports/users`, { method: 'POST', body: form, headers: h });
  return { status: res.status, body: await res.json() };
}

/** Polls importJob until it reaches one of `statuses` (the job's worker runs in the app). */
export async function waitForJob(app: TestApp, id: string, statuses: string[], timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await app.as(app.admin)(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id });
    expect(r.errors).toBeUndefined();
    if (statuses.includes(r.data.importJob.status)) return r.data.importJob;
    if (Date.now() > until) throw new Error(`import ${id} is still ${r.data.importJob.status}`);
    await new Promise((ok) => setTimeout(ok, Number(process.env.IMPORT_POLL_MS ?? 50)));
  }
}

/** Uploads and waits for the job to end (PREVIEWED for a dry run, else DONE or FAILED). */
export async function importFile(app: TestApp, csv: string | Uint8Array, fields: Record<string, string> = {}): Promise<any> {
  const r = await upload(app, csv, fields);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  return waitForJob(app, r.body.id, ['PREVIEWED', 'DONE', 'FAILED', 'CANCELLED']);
}

/**
 * POST /imports/users with a multipart body written by hand (bytes as given, cut-off or malformed), as the admin's
 * session with the CSRF header. `boundary` goes into the content-type.
 */
export async function uploadRaw(app: TestApp, body: string | Buffer, boundary = 'zzz'): Promise<{ status: number; body: any }> {
  const payload = new Uint8Array(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const res = await fetch(`${app.url}/imports/users`, {
    method: 'POST',
    body: payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: (app.admin as { cookie: string }).cookie,
      'x-accueil-csrf': '1',
    },
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the assertion's message.
  }
  return { status: res.status, body: parsed };
}
