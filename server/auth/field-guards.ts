import type { MiddlewareFn } from 'type-graphql';
import { ForbiddenError } from '../graphql/errors.js';
import type { Context } from '../graphql/context.js';

/**
 * On a User field only agents and admins may read (internal notes, tags,
 * history…). Compares role names as strings: user.entity.ts imports this
 * module, so it must not import the entity back.
 */
export const StaffOnlyField: MiddlewareFn<Context> = async ({ context }, next) => {
  const v = context.viewer;
  if (v.kind === 'anonymous' || (v.user.role !== 'AGENT' && v.user.role !== 'ADMIN')) {
    throw new ForbiddenError('Only agents and admins can see this field.');
  }
  return next();
};
