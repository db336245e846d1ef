import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose kind the schema has no root type for (Accueil
 * has queries and mutations, no subscriptions). graphql-js's own validation
 * lets `subscription { … }` through and fails it only when executing, which
 * reached the client as an INTERNAL_SERVER_ERROR; refused here it is a
 * GRAPHQL_VALIDATION_FAILED (400), like any other document the schema cannot
 * run. graphql-js's wording, like the other validation messages.
 */
export const knownRootOperations: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`Schema is not configured to execute ${node.operation} operation.`, { nodes: node }));
  },
});
