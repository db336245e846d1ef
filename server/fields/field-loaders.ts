import DataLoader from 'dataloader';
import type { Context } from '../graphql/context.js';
import type { User } from '../users/user.entity.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { FieldValuesService, StoredUserValues } from './field-values.service.js';
import type { UserFieldService } from './user-field.service.js';
import type { UserField } from './user-field.types.js';

/**
 * Per-request batching for custom fields. A page of users with all their
 * field values costs a bounded number of queries whatever its size: the
 * definitions (2, once per request), the values (1), and the users and
 * organizations that LOOKUP values refer to (1 each).
 */
export interface FieldLoaders {
  /** Field definitions with options, read once per request (until `reset`). */
  definitions(): Promise<UserField[]>;
  values: DataLoader<number, StoredUserValues>;
  users: DataLoader<number, User | null>;
  organizations: DataLoader<number, Organization | null>;
  /** Forgets what was read (after a change of definitions or values within the request). */
  reset(): void;
}

export function fieldLoaders(service: FieldValuesService): FieldLoaders {
  let definitions: Promise<UserField[]> | null = null;
  const loaders: FieldLoaders = {
    definitions: () => {
      if (!definitions) {
        definitions = service.definitions();
        definitions.catch(() => (definitions = null)); // a failed read is retried by the next caller
      }
      return definitions;
    },
    values: new DataLoader((ids) => service.valuesOf(ids), { maxBatchSize: 1000 }),
    users: new DataLoader((ids) => service.usersByIds(ids), { maxBatchSize: 1000 }),
    organizations: new DataLoader((ids) => service.organizationsByIds(ids), { maxBatchSize: 1000 }),
    reset() {
      definitions = null;
      loaders.values.clearAll();
      loaders.users.clearAll();
      loaders.organizations.clearAll();
    },
  };
  return loaders;
}

/** The custom-field services of the app a request runs in. */
export interface FieldServices {
  values: FieldValuesService;
  definitions: UserFieldService;
}

export function fieldServicesOf(ctx: Context): FieldServices {
  return { values: ctx.fieldValues as FieldValuesService, definitions: ctx.userFields };
}

const perRequest = new WeakMap<object, FieldLoaders>();

/** The request's field loaders, made on first use and kept with the context object (no change to the context's type needed). */
export function loadersFor(ctx: Context): FieldLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    l = fieldLoaders(fieldServicesOf(ctx).values);
    perRequest.set(ctx, l);
  }
  return l;
}
