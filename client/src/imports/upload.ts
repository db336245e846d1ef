// Sends a CSV file to POST /imports/users (multipart, streamed by the server), as the signed-in admin.

import { languageHeaders } from '../graphql/client';

export interface UploadOptions {
  mode: 'CREATE' | 'CREATE_OR_UPDATE' | 'UPDATE';
  dryRun: boolean;
  blankCellsClear: boolean;
  encoding: 'utf-8' | 'windows-1252';
}

export class UploadError extends Error {}

export async function uploadImport(file: File, options: UploadOptions): Promise<{ id: string; status: string }> {
  const form = new FormData();
  // The fields come before the file: the server reads them first.
  form.append('mode', options.mode);
  form.append('dryRun', String(options.dryRun));
  form.append('blankCellsClear', String(options.blankCellsClear));
  form.append('encoding', options.encoding);
  form.append('file', file, file.name);
  const res = await fetch('/imports/users', {
    method: 'POST',
    body: form,
    headers: { 'x-accueil-csrf': '1', ...languageHeaders() },
    credentials: 'same-origin',
  });
  const body = (await res.json().catch(() => null)) as { id?: string; status?: string; errors?: { message: string }[] } | null;
  if (res.status !== 202 || !body?.id) throw new UploadError(body?.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return { id: body.id, status: body.status ?? 'QUEUED' };
}
