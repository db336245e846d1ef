import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The cost of an operation, counted once its variables are known: graphql-armor's
 * model (2 per object, 1 per scalar, children weighted 1.5 per level, a list's
 * cost multiplied by its `first`/`last`), except that `first: $n` counts the
 * value of `$n` (a static rule would see a variable as 1 and let a page of 100
 * through at the price of one). Page sizes above 100 count as 100: no list
 * answers more.
 */
const OBJECT = 2;
const SCALAR = 1;
const DEPTH_FACTOR = 1.5;
const MAX_PAGE = 100;

function pageSize(value: ValueNode, variables: Record<string, unknown>): number {
  let n: unknown = null;
  if (value.kind === Kind.INT) n = Number(value.value);
  else if (value.kind === Kind.VARIABLE) n = variables[value.name.value];
  return typeof n === 'number' && Number.isFinite(n) && n > 1 ? Math.min(n, MAX_PAGE) : 1;
}

export function operationCost(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string> = new Set(),
): number {
  let total = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.INLINE_FRAGMENT) total += operationCost(s.selectionSet, fragments, variables, seen);
    else if (s.kind === Kind.FRAGMENT_SPREAD) {
      const f = fragments[s.name.value];
      if (f && !seen.has(f.name.value)) total += operationCost(f.selectionSet, fragments, variables, new Set([...seen, f.name.value]));
    } else if (s.name.value === '__schema' || s.name.value === '__type') continue;
    else if (!s.selectionSet) total += SCALAR;
    else {
      const arg = s.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
      const multiplier = arg ? pageSize(arg.value, variables) : 1;
      total += (OBJECT + DEPTH_FACTOR * operationCost(s.selectionSet, fragments, variables, seen)) * multiplier;
    }
  }
  return total;
}

export function costLimitPlugin<T extends object>(maxCost: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const cost = operationCost(operation.selectionSet, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${Math.round(cost)}. Ask for fewer items or fields per request.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
