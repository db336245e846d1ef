import type { AuthCheckerFn } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { refusal, refusalError, type Rule } from './policy.js';

/**
 * The one auth checker behind every `@Authorized(rule)`. On a query or a
 * mutation it checks the rule's role, scope and session parts; on a field of
 * a type it checks the whole rule against the object being read (`root`), so
 * the same rule holds for a query, a mutation's payload and a nested field.
 * A refusal is UNAUTHENTICATED or FORBIDDEN with the rule's message.
 */
export const authChecker: AuthCheckerFn<Context, Rule<unknown>> = ({ root, context, info }, rules) => {
  const operation = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
  for (const r of rules) {
    const why = operation ? refusal(context.viewer, r) : refusal(context.viewer, r, root);
    if (why) throw refusalError(why);
  }
  return true;
};
