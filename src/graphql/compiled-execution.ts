import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  BREAK,
  execute,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLScalarType,
  GraphQLSchema,
  isAbstractType,
  isScalarType,
  Kind,
  specifiedScalarTypes,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type NamedTypeNode,
  type TypeNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * Documents whose uses and compiled code are kept (the least recently used go first): ~25 KB
 * of code each for a page of entries or a dashboard, so a client sending many distinct
 * documents cannot grow the heap without bound. An application's own documents are far fewer.
 */
export const MAX_COMPILED_DOCUMENTS = 500;

/**
 * The type every variable has in the documents graphql-jit compiles: graphql-js coerced the
 * values already, and graphql-jit hands them on untouched. Its own coercion treats the built-in
 * scalar *names* itself, so our `ID` (BigIntID, same name) would never run its `parseValue`.
 */
const PASS_THROUGH = new GraphQLScalarType({
  name: 'KitaabCoercedVariable',
  description: 'Internal to compiled execution: a variable graphql-js has coerced already.',
  parseValue: (value) => value,
});
const PASS_THROUGH_TYPE: NamedTypeNode = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: PASS_THROUGH.name } };

/** graphql-jit checks that @skip/@include variables are declared Boolean!: those stay as written. */
function isBoolean(type: TypeNode): boolean {
  const named = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return named.kind === Kind.NAMED_TYPE && named.name.value === 'Boolean';
}

const LITERALS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN]);

/**
 * Whether graphql-jit would run the document differently from graphql-js:
 * - it calls `resolveType` without awaiting it, and type-graphql makes every `resolveType`
 *   async: documents that select an interface or a union;
 * - it writes literal arguments into the generated code as JSON, which a custom scalar's
 *   parsed value (a bigint id, a Decimal) does not survive: `deedItem(id: "5")`. (Variables
 *   do: they are handed over as values, see PASS_THROUGH.)
 */
function runsDifferentlyCompiled(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let differs = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node) {
        const type = node.kind === Kind.FIELD ? typeInfo.getType() : LITERALS.has(node.kind) ? typeInfo.getInputType() : null;
        if (!type) return undefined;
        const named = getNamedType(type);
        differs = node.kind === Kind.FIELD ? isAbstractType(named) : isScalarType(named) && !specifiedScalarTypes.includes(named);
        return differs ? BREAK : undefined;
      },
    }),
  );
  return differs;
}

function withCoercedVariables(document: DocumentNode): DocumentNode {
  return visit(document, {
    VariableDefinition: (definition) =>
      isBoolean(definition.type) ? undefined : { ...definition, type: PASS_THROUGH_TYPE, defaultValue: undefined },
  });
}

/**
 * graphql-jit's errors are GraphQLErrors without `extensions` unless the resolver's error had
 * some; graphql-js gives every error an object, and the error formatting reads it.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const located = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // Locations come from the document's nodes, which graphql-jit keeps only as locations.
  (located as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return located;
}

export interface CompiledExecutionOptions<TContext extends object> {
  /** The schema Apollo validates against and runs graphql-js on (its plugins may wrap its resolvers). */
  schema: GraphQLSchema;
  /**
   * A second build of the same schema for graphql-jit, which captures resolvers when it compiles:
   * Apollo wraps every resolver of its own schema once a plugin asks for willResolveField.
   */
  compiledSchema: GraphQLSchema;
  /** Operations that must run on graphql-js: Apollo's willResolveField runs only there. */
  needsFieldHooks: (contextValue: TContext) => boolean;
  /** A document is compiled at this use (1: at once); its earlier uses run on graphql-js. */
  compileAtUse: number;
  /** Documents tracked at most (MAX_COMPILED_DOCUMENTS). */
  maxDocuments?: number;
}

/** Per document: its uses so far, then per operation name its compiled code (null: graphql-js runs it). */
type DocumentState = { uses: number; compiled?: Map<string, CompiledQuery | null> };

/**
 * Executes operations with code graphql-jit compiles per document, behind Apollo's gateway
 * executor (the one place Apollo 5 lets execution be replaced; parsing, validation, plugins,
 * errors and the HTTP answer stay Apollo's). graphql-js builds an arguments object, an info
 * object and a dictionary-mode result object for every field it executes (a page of 100 entries
 * is ~1,200 fields; garbage collection was 29 % of its CPU); the compiled code reads and builds
 * plain objects and calls resolvers only where a field has one.
 *
 * graphql-js still coerces the variables (its errors are the ones Apollo answers as
 * BAD_USER_INPUT), runs the operations that need per-field hooks, and runs a document's first
 * uses: compiling costs more than executing once, and a client sending a new document with
 * every request must not make the server compile each one.
 */
export function compiledExecution<TContext extends object>(options: CompiledExecutionOptions<TContext>): GatewayInterface {
  const { schema, needsFieldHooks, compileAtUse, maxDocuments = MAX_COMPILED_DOCUMENTS } = options;
  for (const [name, value] of Object.entries({ compileAtUse, maxDocuments })) {
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer, got ${value}`);
  }
  const compiledConfig = options.compiledSchema.toConfig();
  const compiledSchema = new GraphQLSchema({ ...compiledConfig, types: [...compiledConfig.types, PASS_THROUGH] });
  const documents = new LRUCache<DocumentNode, DocumentState>({ max: maxDocuments });

  function compile(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    if (runsDifferentlyCompiled(schema, document)) return null;
    const compiled = compileQuery(compiledSchema, withCoercedVariables(document), operationName);
    // What graphql-jit cannot compile (it answers with errors instead) stays on graphql-js.
    return isCompiledQuery(compiled) ? compiled : null;
  }

  function compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    let state = documents.get(document);
    if (!state) documents.set(document, (state = { uses: 0 }));
    if (!state.compiled) {
      state.uses += 1;
      if (state.uses < compileAtUse) return undefined;
      state.compiled = new Map();
    }
    const name = operationName ?? '';
    let compiled = state.compiled.get(name);
    if (compiled === undefined) {
      compiled = compile(document, operationName);
      state.compiled.set(name, compiled);
    }
    return compiled ?? undefined;
  }

  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const operationName = request.operationName ?? undefined;
    const compiled = operation.operation === 'subscription' || needsFieldHooks(context as TContext) ? undefined : compiledFor(document, operationName);
    if (!compiled) {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    }
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (variables.errors) return { errors: variables.errors };
    const result = await compiled.query(undefined, context, variables.coerced);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
