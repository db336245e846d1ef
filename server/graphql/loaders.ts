import type { UserService } from '../users/user.service.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import { userLoaders } from '../users/user.loaders.js';
import { fieldLoaders } from '../fields/field-loaders.js';
import type { TicketService } from '../tickets/ticket.service.js';
import { ticketLoaders } from '../tickets/ticket.loaders.js';

/**
 * The request's one DataLoader registry (`ctx.loaders`), made fresh for each
 * request: each feature contributes its loaders, and everything that reads
 * users, organizations or field values by id (lists, lookups, the actors of
 * the history) goes through the same ones, so a page costs one query per kind
 * of thing, whatever its size.
 */
export function makeLoaders(services: {
  users: UserService;
  organizations: OrganizationService;
  fieldValues: FieldValuesService;
  tickets: TicketService;
}) {
  return { ...userLoaders(services.users, services.organizations), ...fieldLoaders(services.fieldValues), ...ticketLoaders(services.tickets) };
}

export type Loaders = ReturnType<typeof makeLoaders>;
