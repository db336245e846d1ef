// The settings page's form values and how the server's field names map onto them.
import { GraphQLRequestError } from '../graphql/client';
import { toFormErrors, type FormErrors } from '../graphql/errors';
import type { DeskSettingsFragment, RequestAccess } from '../graphql/generated/graphql';

export interface SettingsValues {
  requestAccess: RequestAccess;
  helpCenterSignUp: boolean;
  requireVerification: boolean;
  welcomeOnAgentCreate: boolean;
  agentsMayDeleteUsers: boolean;
  acknowledgeRequests: boolean;
  deskName: string;
  allowList: string;
  blockList: string;
  welcomeSubject: string;
  welcomeBody: string;
}

export const SETTINGS_FIELDS = ['deskName', 'allowList', 'blockList', 'welcomeSubject', 'welcomeBody'] as const;

export function settingsValues(s: DeskSettingsFragment): SettingsValues {
  return {
    requestAccess: s.requestAccess,
    helpCenterSignUp: s.helpCenterSignUp,
    requireVerification: s.requireVerification,
    welcomeOnAgentCreate: s.welcomeOnAgentCreate,
    agentsMayDeleteUsers: s.agentsMayDeleteUsers,
    acknowledgeRequests: s.acknowledgeRequests,
    deskName: s.deskName,
    allowList: s.allowList.join('\n'),
    blockList: s.blockList.join('\n'),
    welcomeSubject: s.welcomeSubject,
    welcomeBody: s.welcomeBody,
  };
}

/** One entry a line, blank lines dropped. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** `blockList.2` names line 3 of the block list: such errors go on the list's field. */
const listField = (field: unknown): string | undefined =>
  typeof field === 'string' ? field.replace(/^(allowList|blockList)\.\d+$/, '$1') : undefined;

/** The server's refusal as the page's errors: every list entry's problem next to its list, placeholders next to their template. */
export function settingsErrors(failure: unknown, fields: readonly string[]): FormErrors {
  if (!(failure instanceof GraphQLRequestError)) return toFormErrors(failure, fields);
  const errors = failure.errors.map((e) => {
    const ext = e.extensions ?? {};
    const listed = Array.isArray(ext.errors) ? (ext.errors as { field?: unknown }[]).map((p) => ({ ...p, field: listField(p.field) })) : ext.errors;
    return { ...e, extensions: { ...ext, field: listField(ext.field), errors: listed } };
  });
  return toFormErrors(new GraphQLRequestError(errors, failure.status), fields);
}
