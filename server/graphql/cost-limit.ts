import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { LIST_SIZE, type ListSize } from './list-size.js';
import { UserFieldType, type UserField } from '../fields/user-field.types.js';

/**
 * The cost of an operation: the most values its answer can hold. Every field
 * counts 1 for each time it can appear, so a list multiplies what it holds by
 * the most items it can answer, as the schema declares on the field
 * (list-size.ts): a page by its `first` argument, literal or variable, with
 * the variable's default and the argument's schema default when left out (by
 * the number of keys asked for instead, for users(ids:) and the like); an
 * unpaged list by its bound (tags 200, options 2,000, …); custom fields by the
 * definitions that exist when the request runs. Aliases count once each.
 * Counted once the variables are known, before anything runs.
 */

type Field = GraphQLField<unknown, unknown>;

interface Scope {
  /** The page size of the innermost connection (for its edges). */
  page: number;
  /** The custom field in scope (inside User.fields or userFields), for its options. */
  definition: UserField | null;
}

const listSizeOf = (field: Field): ListSize | undefined => field.extensions?.[LIST_SIZE] as ListSize | undefined;

/**
 * Whether some field of the document is sized by the custom field definitions (so they must be read first).
 * Remembered per schema and document: Apollo hands the same parsed document to every request of a query
 * string it has seen, and the walk over it (with type information) was 2 % of a search's CPU.
 */
export function needsDefinitions(schema: GraphQLSchema, document: DocumentNode): boolean {
  const known = definitionsNeeded.get(schema) ?? definitionsNeeded.set(schema, new WeakMap()).get(schema)!;
  let needed = known.get(document);
  if (needed === undefined) known.set(document, (needed = walkForDefinitions(schema, document)));
  return needed;
}

const definitionsNeeded = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, boolean>>();

function walkForDefinitions(schema: GraphQLSchema, document: DocumentNode): boolean {
  const info = new TypeInfo(schema);
  let needed = false;
  visit(
    document,
    visitWithTypeInfo(info, {
      Field() {
        const def = info.getFieldDef();
        if (def && listSizeOf(def)?.kind === 'definitions') needed = true;
      },
    }),
  );
  return needed;
}

export class CostCounter {
  private readonly fragments: Record<string, FragmentDefinitionNode> = {};

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly definitions: readonly UserField[] | null,
  ) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments[d.name.value] = d;
  }

  operation(op: OperationDefinitionNode): number {
    const root =
      op.operation === 'mutation'
        ? this.schema.getMutationType()
        : op.operation === 'subscription'
          ? this.schema.getSubscriptionType()
          : this.schema.getQueryType();
    return root ? this.selections(op.selectionSet, root, { page: 1, definition: null }, 0) : 0;
  }

  private selections(set: SelectionSetNode, type: GraphQLObjectType, scope: Scope, depth: number): number {
    if (depth > 64) return 0; // validation has refused anything deeper already
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT || s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : this.fragments[s.name.value];
        if (!fragment) continue;
        const on = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : type;
        total += this.selections(fragment.selectionSet, isObjectType(on) ? on : type, scope, depth + 1);
      } else if (s.name.value === '__typename') total += 1;
      else if (!s.name.value.startsWith('__')) {
        const field = type.getFields()[s.name.value];
        if (field) total += this.field(s, field, scope, depth);
      }
    }
    return total;
  }

  private field(node: FieldNode, field: Field, scope: Scope, depth: number): number {
    const named = getNamedType(field.type);
    let total = 0;
    for (const group of this.sizes(node, field, scope)) {
      const children = node.selectionSet && isObjectType(named) ? this.selections(node.selectionSet, named, group.scope, depth + 1) : 0;
      total += group.count * (1 + children);
    }
    return total;
  }

  /** How many times the field can appear, in groups that share a scope. */
  private sizes(node: FieldNode, field: Field, scope: Scope): { count: number; scope: Scope }[] {
    const size = listSizeOf(field);
    if (!size) return [{ count: 1, scope }];
    switch (size.kind) {
      case 'page': {
        const keyed = this.keyCount(node, field, size.keys);
        const n = Math.max(0, Math.min(keyed ?? this.first(node, field) ?? size.max, size.max));
        return isListType(getNullableType(field.type)) ? [{ count: n, scope }] : [{ count: 1, scope: { ...scope, page: n } }];
      }
      case 'edges':
        return [{ count: scope.page, scope }];
      case 'bound':
        return [{ count: size.max, scope }];
      case 'inputs': {
        const given = this.args(node, field)[size.argument];
        return [{ count: Array.isArray(given) ? Math.min(given.length, size.max) : size.max, scope }];
      }
      case 'options': {
        const d = scope.definition;
        if (!d) return [{ count: size.max, scope }];
        const chosen = d.type === UserFieldType.MULTISELECT ? d.options.length : d.type === UserFieldType.DROPDOWN ? 1 : 0;
        return [{ count: size.of === 'all' ? d.options.length : chosen, scope }];
      }
      case 'definitions': {
        const args = this.args(node, field);
        const active = size.which === 'active' ? true : size.which === 'all' ? null : ((args.active as boolean | null | undefined) ?? null);
        const groups = new Map<string, { count: number; scope: Scope }>();
        for (const d of this.definitions ?? []) {
          if (active !== null && d.active !== active) continue;
          const key = `${d.type}:${d.options.length}`;
          const g = groups.get(key);
          if (g) g.count++;
          else groups.set(key, { count: 1, scope: { ...scope, definition: d } });
        }
        return [...groups.values()];
      }
    }
  }

  /** The most elements of the list arguments that name the items one by one (users(ids:)), or null when none is given. */
  private keyCount(node: FieldNode, field: Field, keys: string[] | undefined): number | null {
    if (!keys) return null;
    const args = this.args(node, field);
    const lengths = keys
      .map((k) => args[k])
      .filter(Array.isArray)
      .map((list) => list.length);
    return lengths.length ? Math.max(...lengths) : null;
  }

  /** The `first` argument as the resolver will see it: literal, variable (with its default), or the schema's default. */
  private first(node: FieldNode, field: Field): number | null {
    const given = this.args(node, field).first;
    const value = given ?? field.args.find((a) => a.name === 'first')?.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  private args(node: FieldNode, field: Field): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, this.variables);
    } catch {
      return {}; // execution reports the bad argument
    }
  }
}

export class CostLimitError extends GraphQLError {
  constructor(maxCost: number, cost: number) {
    super(`Query cost limit of ${maxCost} exceeded, found ${Math.round(cost)}. Ask for fewer items or fields per request.`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } },
    });
  }
}

/** Refuses an operation whose answer could hold more than `maxCost` values, before it runs. */
export function costLimitPlugin<T extends { loaders: { fieldDefinitions(): Promise<UserField[]> } }>(maxCost: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema, contextValue }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return; // execution refuses the variables
          const definitions = needsDefinitions(schema, document) ? await contextValue.loaders.fieldDefinitions() : null;
          const cost = new CostCounter(schema, document, coerced.coerced, definitions).operation(operation);
          if (cost > maxCost) throw new CostLimitError(maxCost, cost);
        },
      };
    },
  };
}
