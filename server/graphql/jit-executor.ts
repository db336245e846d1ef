import { execute, getVariableValues, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';

type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];

/** Compiled queries kept (the admin app and partner apps send a few shapes again and again). */
const MAX_COMPILED = 500;
/** A query shape is compiled once it has run this many times (one-off queries are not worth compiling). */
const HOT_AFTER = 2;

/** Introspection stays on graphql-js (tools send it once). */
const INTROSPECTION = /\b__(schema|type)\b/;

/** How many operations ran compiled (for tests and benchmarks). */
export const jitStats = { compiledRuns: 0 };

/**
 * Runs hot queries through graphql-jit (the operation compiled once to plain
 * JavaScript: no per-field lookups of the schema, fewer promises), everything
 * else through graphql-js. graphql-jit executes the same schema and resolvers
 * and answers the same data and errors (tests/server/jit-executor.test.ts
 * compares them); on a page of 100 full profiles it cut execution CPU by about
 * a third (bench/jit-probe.ts). Mutations always run on graphql-js (one
 * field, run once), as does any query whose variables do not coerce (so the
 * errors are graphql-js's own) or that graphql-jit cannot compile.
 */
export class JitExecutor {
  private readonly compiled = new Map<string, { runs: number; query?: CompiledQuery | null }>();

  constructor(private readonly schema: GraphQLSchema) {}

  async execute(args: {
    document: DocumentNode;
    /** Undefined when Apollo could not choose one (several operations and no operationName, or an unknown name). */
    operation: OperationDefinitionNode | undefined;
    source: string | undefined;
    operationName: string | null | undefined;
    contextValue: unknown;
    variables: Record<string, unknown> | undefined;
  }): Promise<ExecutionResult> {
    const { document, operation, source, operationName, contextValue, variables } = args;
    const plain = () => execute({ schema: this.schema, document, contextValue, variableValues: variables, operationName });
    // graphql-js says why no operation could be chosen, and Apollo answers that as a 400 (OPERATION_RESOLUTION_FAILURE).
    if (!operation || operation.operation !== 'query' || source === undefined || INTROSPECTION.test(source)) return plain();
    const key = `${operationName ?? ''}\n${source}`;
    let entry = this.compiled.get(key);
    if (!entry) {
      if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value!);
      this.compiled.set(key, (entry = { runs: 0 }));
    }
    if (entry.query === undefined && ++entry.runs >= HOT_AFTER) {
      const compiled = compileQuery(this.schema, document, operationName ?? undefined);
      entry.query = isCompiledQuery(compiled) ? compiled : null;
    }
    if (!entry.query) return plain();
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(this.schema, operation.variableDefinitions, variables ?? {});
      if (coerced.errors) return plain();
    }
    jitStats.compiledRuns++;
    return entry.query.query(undefined, contextValue, variables ?? {}) as ExecutionResult | Promise<ExecutionResult>;
  }
}

/**
 * Apollo Server takes another executor only through its gateway interface: this one serves our own
 * schema (parsing, validation, plugins and error formatting stay Apollo's) and executes with JitExecutor.
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  const jit = new JitExecutor(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        executor: (rc) =>
          jit.execute({
            document: rc.document,
            operation: rc.operation,
            source: rc.source,
            // The name the client sent when no operation was resolved, so graphql-js names what it did not find.
            operationName: rc.operationName ?? rc.request.operationName,
            contextValue: rc.context,
            variables: rc.request.variables,
          }),
      };
    },
    async stop() {},
  };
}
