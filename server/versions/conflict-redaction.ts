import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context.js';
import type { Viewer } from '../auth/viewer.js';
import { can, isStaffRole } from '../auth/policy.js';
import { userPolicy } from '../users/user.policy.js';
import { organizationPolicy } from '../organizations/organization.policy.js';
import { msg } from '../i18n/message.js';
import type { Lang } from '../i18n/language.js';
import { ConflictError, type ConflictView } from './record-versions.js';

/**
 * A CONFLICT tells its viewer only what they may read (ConflictError starts
 * with field names and times):
 * - a field's two values, when the viewer may read that field of that record
 *   (userPolicy.readField, organizationPolicy.readField: the rules of the
 *   User and Organization types), else null with `redacted: true`;
 * - who made the other save, `{ id, name }`, when the viewer may read that
 *   account; staff who may not (a token without USERS_READ) get the id only;
 *   an end user gets a staff member as the help center shows staff, by their
 *   alias, else as "the support team", without an id (never another account).
 */
export function conflictView(viewer: Viewer, e: ConflictError, lang: Lang): ConflictView {
  return {
    values: (field) =>
      e.subject === 'user'
        ? can(viewer, userPolicy.readField, { userId: e.subjectId, field })
        : can(viewer, organizationPolicy.readField, { organizationId: e.subjectId, field }),
    writer: (w) => {
      if (can(viewer, userPolicy.read, { id: w.id })) return { id: String(w.id), name: w.name };
      if (viewer.kind !== 'anonymous' && isStaffRole(viewer.user.role)) return { id: String(w.id), name: null };
      return isStaffRole(w.role) ? { id: null, name: w.alias?.trim() || msg('versions.theSupportTeam').render(lang) } : null;
    },
  };
}

/** The ConflictError behind a resolver's error (graphql-js wraps what a resolver throws). */
function conflictIn(error: unknown): ConflictError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { originalError?: unknown }).originalError, depth++) {
    if (e instanceof ConflictError) return e;
  }
  return null;
}

export function conflictRedactionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const viewer: Viewer = contextValue?.viewer ?? { kind: 'anonymous' };
          for (const error of errors) {
            const conflict = conflictIn(error);
            if (!conflict) continue;
            conflict.show(conflictView(viewer, conflict, contextValue?.lang ?? 'en'));
            if (error.extensions !== conflict.extensions) error.extensions.conflicts = conflict.extensions.conflicts;
          }
        },
      };
    },
  };
}
