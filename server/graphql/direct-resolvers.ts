import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { authChecker } from '../auth/auth-checker.js';

/**
 * type-graphql runs every guarded field through an async middleware chain: a
 * few promises, closures and a sorted copy of the parameters for each field
 * of each object. A page of 100 profiles has thousands of them (a quarter of
 * what the page allocates). These two passes give the common shapes the same
 * checks, from the same `@Authorized` rules and the same auth checker, as
 * plain synchronous functions. Anything else keeps type-graphql's resolver.
 */
export function directResolvers(built: GraphQLSchema): void {
  synchronousPropertyGuards(built);
  directFieldResolvers(built);
}

/**
 * The property of the same name, read by the executor itself (graphql-jit inlines the read) instead of
 * type-graphql's middleware runner with no middleware in it: a property without `@Authorized` or middleware.
 */
function unguardedProperty(field: { roles?: unknown; middlewares?: unknown[]; name: string; schemaName: string }): boolean {
  return !field.roles && !field.middlewares?.length && field.name === field.schemaName;
}

type Roles = Parameters<typeof authChecker>[1];

/** A plain property (no field resolver, no middleware): the auth check, then the property; without a check, the executor's own read. */
function synchronousPropertyGuards(built: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const meta of storage.objectTypes) {
    const type = built.getType(meta.name);
    if (!isObjectType(type)) continue;
    const resolved = new Set(storage.fieldResolvers.filter((r) => r.getObjectType?.() === meta.target).map((r) => r.methodName));
    for (const field of meta.fields ?? []) {
      const roles = field.roles as Roles | undefined;
      const target = type.getFields()[field.schemaName];
      if (!target || resolved.has(field.name)) continue;
      if (unguardedProperty(field)) {
        target.resolve = undefined;
        continue;
      }
      if (!roles || field.middlewares?.length) continue;
      const name = field.name;
      target.resolve = (root, args, context, info) => {
        authChecker({ root, args, context, info }, roles);
        return (root as Record<string, unknown>)[name];
      };
    }
  }
}

/**
 * A field resolver of a resolver class (`@Resolver(() => User) … @FieldResolver() tags(@Root() user, @Ctx() ctx)`)
 * whose parameters are only the whole root, the whole context and the info, without middleware: the auth check,
 * then the method on the class's one instance. A root that is not already an instance of the parameter's class
 * (type-graphql would convert it) goes to type-graphql's resolver.
 */
function directFieldResolvers(built: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const instances = new Map<object, Record<string, (...params: unknown[]) => unknown>>();
  for (const def of storage.fieldResolvers) {
    if (def.kind !== 'external' || def.middlewares?.length || !def.params) continue;
    const params = [...def.params].sort((a, b) => a.index - b.index);
    const simple = params.every(
      (p, i) => p.index === i && ((p.kind === 'root' && !p.propertyName) || (p.kind === 'context' && !p.propertyName) || p.kind === 'info'),
    );
    const Resolver = def.target as new () => Record<string, (...params: unknown[]) => unknown>;
    if (!simple || Resolver.length > 0) continue;
    const objectType = storage.objectTypes.find((t) => t.target === def.getObjectType?.());
    const type = objectType && built.getType(objectType.name);
    const target = isObjectType(type) ? type.getFields()[def.schemaName] : undefined;
    if (!target?.resolve) continue;
    if (!instances.has(Resolver)) instances.set(Resolver, new Resolver());
    const instance = instances.get(Resolver)!;
    const method = instance[def.methodName];
    if (typeof method !== 'function') continue;
    const rootClass = rootClassOf(params);
    const roles = def.roles as Roles | undefined;
    const original: GraphQLFieldResolver<unknown, unknown> = target.resolve;
    const kinds = params.map((p) => p.kind).join(',');
    const call: GraphQLFieldResolver<unknown, unknown> =
      kinds === 'root,context'
        ? (root, _args, context) => method.call(instance, root, context)
        : (root, _args, context, info) =>
            method.apply(
              instance,
              params.map((p) => (p.kind === 'root' ? root : p.kind === 'context' ? context : info)),
            );
    target.resolve = (root, args, context, info) => {
      if (rootClass && root !== null && typeof root === 'object' && !(root instanceof rootClass)) return original(root, args, context, info);
      if (roles) authChecker({ root, args, context, info }, roles);
      return call(root, args, context, info);
    };
  }
}

/** The class type-graphql would convert the root to (`@Root() user: User`), if any. */
function rootClassOf(params: { kind: string; getType?: () => unknown }[]): (abstract new (...args: never[]) => unknown) | null {
  const root = params.find((p) => p.kind === 'root');
  const type = root?.getType?.();
  return typeof type === 'function' && ![String, Boolean, Number, Date, Array, Promise, Object].includes(type as never)
    ? (type as abstract new (...args: never[]) => unknown)
    : null;
}
