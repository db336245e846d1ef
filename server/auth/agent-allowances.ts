import type { SettingsService } from '../settings/settings.service.js';
import { Role } from '../users/role.js';
import type { User } from '../users/user.entity.js';
import type { AgentAllowances } from './viewer.js';

/**
 * What the desk's settings allow an agent, read (through the settings' short
 * cache) only when the viewer is one. Every place that makes a viewer adds
 * them (a request's credential, a session started during the request), and
 * the rules refuse an agent whose allowance is not known to be given.
 */
export async function agentAllowances(settings: SettingsService, user: User): Promise<AgentAllowances> {
  if (user.role !== Role.AGENT) return {};
  return { agentsMayDeleteUsers: (await settings.get()).row.agentsMayDeleteUsers };
}
