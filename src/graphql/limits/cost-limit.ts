import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { queryLimitExceeded } from '../../lib/errors';
import { MAX_EXPANDED_SELECTIONS } from './selection-fan-out';

/** CONTRACT.md section 8. */
export const MAX_QUERY_COST = 5000;
/** What a plain list is assumed to hold. */
export const LIST_SIZE_ESTIMATE = 10;
/** `first` is capped at 100 (larger values are refused as BAD_USER_INPUT by the field itself). */
const MAX_PAGE_SIZE = 100;

function isIntrospection(type: GraphQLNamedType, fieldName: string): boolean {
  return fieldName.startsWith('__') || type.name.startsWith('__');
}

/** A Relay connection type: `...Connection` with `edges`. */
function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();
}

function pageSize(first: unknown): number {
  return typeof first === 'number' ? Math.min(Math.max(first, 0), MAX_PAGE_SIZE) : 0;
}

/**
 * The contract's weights: a scalar (or enum, or list of them) costs 0, an object 1 plus its
 * selection, a connection `first` × (its selection + 1), a plain list of objects
 * 10 × (its selection + 1). Inside a connection, `edges` is the page already multiplied by
 * `first`, so it costs as an object. Introspection is free, so the explorer always works.
 */
export const contractCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const fieldType = getNamedType(field.type);
  if (isIntrospection(type, field.name) || !isCompositeType(fieldType)) return 0;
  if (isConnection(fieldType)) return pageSize(args.first) * (childComplexity + 1);
  if (isListType(getNullableType(field.type)) && !isConnection(type)) return LIST_SIZE_ESTIMATE * (childComplexity + 1);
  return 1 + childComplexity;
};

function operationDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const fragments = document.definitions.filter((definition: DefinitionNode) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
}

/**
 * The cost of the operation that will run, or undefined when its variables do not coerce
 * (execution then reports them as bad input). Infinity when the document fans out past
 * what is worth counting.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return undefined;
  try {
    return getComplexity({
      schema,
      query: operationDocument(document, operation),
      variables,
      estimators: [contractCostEstimator],
      // Validation already refused documents that expand further (selection-fan-out.ts).
      maxQueryNodes: MAX_EXPANDED_SELECTIONS + 1,
    });
  } catch (error) {
    if ((error as GraphQLError).message?.includes('maximum allowed number of nodes')) return Infinity;
    throw error;
  }
}

export function costLimitError(cost: number, maxCost: number): GraphQLError {
  const error = queryLimitExceeded(
    Number.isFinite(cost)
      ? `Query cost ${cost} exceeds the limit of ${maxCost}`
      : `Query is too complex to evaluate; the cost limit is ${maxCost}`,
    'COMPLEXITY',
  );
  // Apollo answers errors raised before execution with 500 unless told otherwise.
  error.extensions.http = { status: 400 };
  return error;
}

/**
 * Cost depends on variables (`first: $n`) and Apollo keeps validated documents in a cache,
 * so the cost is checked once the operation is known, per request, not as a validation rule.
 */
export function costLimitPlugin<TContext extends object>(maxCost: number = MAX_QUERY_COST): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost !== undefined && cost > maxCost) throw costLimitError(cost, maxCost);
        },
      };
    },
  };
}
