import type { Database } from '../db/database.js';
import { can } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { UserService } from '../users/user.service.js';
import { ApiTokenEntity } from '../tokens/api-token.entity.js';
import { storedScopes } from '../tokens/api-token.service.js';
import { msg, type Message } from '../i18n/message.js';
import { importPolicy } from './import.policy.js';
import type { ImportJobEntity } from './import-job.entity.js';

/** Why an import may no longer run as its uploader. */
export type UploaderLoss = 'UPLOADER_DELETED' | 'UPLOADER_SUSPENDED' | 'TOKEN_REVOKED' | 'UPLOADER_NOT_ALLOWED';

export type UploaderStanding = { ok: true; viewer: Exclude<Viewer, { kind: 'anonymous' }> | null } | { ok: false; code: UploaderLoss; text: Message };

const lost = (code: UploaderLoss): UploaderStanding => {
  const text = {
    UPLOADER_DELETED: msg('imports.stoppedUploaderDeleted'),
    UPLOADER_SUSPENDED: msg('imports.stoppedUploaderSuspended'),
    TOKEN_REVOKED: msg('imports.stoppedTokenRevoked'),
    UPLOADER_NOT_ALLOWED: msg('imports.stoppedUploaderNotAllowed'),
  }[code];
  return { ok: false, code, text };
};

/**
 * Whether an import may still run as the person who uploaded it, read afresh
 * from the database: a job waits in a queue and runs chunk after chunk, and
 * meanwhile its uploader may be deleted, suspended or lose the right to
 * import (no longer an admin), and the API token that uploaded it (if one
 * did) may be revoked or lack the IMPORT scope. The runner asks when a job
 * starts and before each chunk (import-runner.ts). `viewer`: whose rights the
 * rows are checked against; null for an operator's import from the command
 * line (no uploader), which may do anything.
 */
export async function uploaderStanding(
  deps: { db: Database; users: UserService },
  job: Pick<ImportJobEntity, 'createdById' | 'createdByTokenId'>,
): Promise<UploaderStanding> {
  if (job.createdById === null) return { ok: true, viewer: null };
  const user = await deps.users.findById(job.createdById);
  if (!user) return lost('UPLOADER_DELETED');
  if (user.suspended) return lost('UPLOADER_SUSPENDED');
  let viewer: Exclude<Viewer, { kind: 'anonymous' }> = { kind: 'session', user, sessionId: 0 };
  if (job.createdByTokenId !== null) {
    const token = await deps.db.manager.findOneBy(ApiTokenEntity, { id: job.createdByTokenId });
    if (!token || token.revokedAt !== null || token.createdById !== user.id) return lost('TOKEN_REVOKED');
    viewer = { kind: 'token', user, token: { id: token.id, name: token.name, scopes: storedScopes(token.scopes) } };
  }
  return can(viewer, importPolicy.manage) ? { ok: true, viewer } : lost('UPLOADER_NOT_ALLOWED');
}
