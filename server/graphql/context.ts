import type { Logger } from 'pino';
import { CreatedVia } from '../users/user.entity.js';
import type { Actor, UserService } from '../users/user.service.js';
import { userLoaders, type UserLoaders } from '../users/user.loaders.js';

/** Everything a resolver may use, made fresh for each request. */
export interface Context {
  users: UserService;
  loaders: UserLoaders;
  actor: Actor;
  log: Logger;
}

export interface Services {
  users: UserService;
  log: Logger;
}

/** The admin app says who it is; anything else is a partner app over the API. */
export function makeContext(services: Services, headers: Record<string, string | string[] | undefined>): Context {
  const fromAdminApp = headers['x-accueil-client'] === 'admin-app';
  return {
    users: services.users,
    loaders: userLoaders(services.users),
    // Until sign-in exists (issue 3) a person in the admin app counts as an agent.
    actor: { userId: null, via: fromAdminApp ? CreatedVia.AGENT : CreatedVia.API },
    log: services.log,
  };
}
