import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type DocumentNode,
  type FieldNode,
} from 'graphql';
import { getArgumentValues, getDirectiveValues, getVariableValues } from 'graphql/execution/values';
import { queryLimitExceeded } from '../../lib/errors';
import { nulCharacterError } from './nul-characters';
import { MAX_RESOLVED_OBJECTS, ResolvedObjects } from './resolved-objects';
import { MAX_EXPANDED_SELECTIONS } from './selection-fan-out';
import { AMORTISED_TREE_SIZES, DEFAULT_LIST_SIZE, ITEM_TREE_LISTS, LIST_SIZES } from './list-sizes';

/**
 * CONTRACT.md section 8. Lists are priced at their real maximum (list-sizes.ts), so ordinary
 * documents over a full account cost millions (every deed with every item and its ancestors:
 * 200 × 600 × 13); shapes that multiply past that (an item list re-entered through its deed)
 * are refused. What a priced document really resolves is bounded by MAX_RESOLVED_OBJECTS.
 */
export const MAX_QUERY_COST = 5_000_000;

/** Operations priced at most maxObjects / this are not counted as they resolve. */
const UNCOUNTED_PRICE_SHARE = 10;
/** `first` is capped at 100 (larger values are refused as BAD_USER_INPUT by the field itself). */
const MAX_PAGE_SIZE = 100;
/** What a connection serves when `first` is omitted or null. */
export const DEFAULT_PAGE_SIZE = 20;

function isIntrospection(type: GraphQLNamedType, fieldName: string): boolean {
  return fieldName.startsWith('__') || type.name.startsWith('__');
}

/** A Relay connection type: `...Connection` with `edges`. */
function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();
}

/** What the resolver serves: an explicit null is the default page, as an omitted `first` is. */
function pageSize(first: unknown): number {
  if (typeof first !== 'number') return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
}

function listSize(coordinate: string, args: Record<string, unknown>, parentList: string | undefined): number {
  const amortised = AMORTISED_TREE_SIZES[coordinate];
  if (amortised && parentList && ITEM_TREE_LISTS.has(parentList)) return amortised(args);
  const size = LIST_SIZES[coordinate] ?? DEFAULT_LIST_SIZE;
  return typeof size === 'function' ? size(args) : size;
}

/** The walk runs after validation, which refused documents expanding past this (selection-fan-out.ts). */
class TooManySelections extends Error {}

interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  visited: number;
}

function included(walk: Walk, selection: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, walk.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, walk.variables)?.if !== false;
}

/**
 * The contract's weights: a scalar (or enum, or list of them) costs 0, an object 1 plus its
 * selection, a connection `first` × (its selection + 1), a plain list its maximum length
 * (list-sizes.ts) × (its selection + 1). Inside a connection, `edges` is the page already
 * multiplied by `first`, so it costs as an object. Introspection is free, so the explorer
 * always works. `parentList` names the list an object came from (for the item tree's
 * amortised sizes).
 */
function selectionCost(walk: Walk, set: SelectionSetNode, parentType: GraphQLCompositeType, parentList?: string): number {
  let total = 0;
  for (const selection of set.selections) {
    walk.visited += 1;
    if (walk.visited > MAX_EXPANDED_SELECTIONS) throw new TooManySelections();
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(walk, selection, parentType, parentList);
      continue;
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
    if (!fragment) continue;
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parentType;
    if (condition && isCompositeType(condition)) total += selectionCost(walk, fragment.selectionSet, condition, parentList);
  }
  return total;
}

function fieldCost(walk: Walk, node: FieldNode, parentType: GraphQLCompositeType, parentList: string | undefined): number {
  const name = node.name.value;
  if (!('getFields' in parentType) || isIntrospection(parentType, name)) return 0;
  const field: GraphQLField<unknown, unknown> | undefined = parentType.getFields()[name];
  if (!field) return 0;
  const fieldType = getNamedType(field.type);
  if (!isCompositeType(fieldType) || !node.selectionSet) return 0;
  const args = getArgumentValues(field, node, walk.variables);
  const coordinate = `${parentType.name}.${name}`;
  if (isConnection(fieldType)) return pageSize(args.first) * (selectionCost(walk, node.selectionSet, fieldType) + 1);
  if (isListType(getNullableType(field.type)) && !isConnection(parentType)) {
    return listSize(coordinate, args, parentList) * (selectionCost(walk, node.selectionSet, fieldType, coordinate) + 1);
  }
  return 1 + selectionCost(walk, node.selectionSet, fieldType);
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
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  try {
    return selectionCost({ schema, fragments, variables: coerced.coerced, visited: 0 }, operation.selectionSet, rootType);
  } catch (error) {
    if (error instanceof TooManySelections) return Infinity;
    // An argument literal that does not coerce is the field's own BAD_USER_INPUT at execution.
    if ((error as GraphQLError).extensions !== undefined) return undefined;
    throw error;
  }
}

/** Variables this long (as JSON) are priced every time rather than remembered. */
const MAX_REMEMBERED_VARIABLES_LENGTH = 1_000;
/** Prices remembered per document; past this the document's list starts over. */
const MAX_REMEMBERED_PRICES = 100;

/**
 * operationCost remembered per document, operation and variables: Apollo hands every request
 * with a known query text the same parsed document, and pricing the walk again was 7 % of a
 * cached dashboard's CPU. The price depends on nothing else (the schema is the plugin's).
 */
function rememberedCosts(): typeof operationCost {
  const prices = new WeakMap<DocumentNode, Map<string, number | undefined>>();
  return (schema, document, operation, variables = {}) => {
    const key = `${operation.name?.value ?? ''} ${JSON.stringify(variables)}`;
    if (key.length > MAX_REMEMBERED_VARIABLES_LENGTH) return operationCost(schema, document, operation, variables);
    let known = prices.get(document);
    if (!known) prices.set(document, (known = new Map()));
    if (known.has(key)) return known.get(key);
    const cost = operationCost(schema, document, operation, variables);
    if (known.size >= MAX_REMEMBERED_PRICES) known.clear();
    known.set(key, cost);
    return cost;
  };
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

export interface CostLimitPlugin<TContext extends object> extends ApolloServerPlugin<TContext> {
  /** Whether this request's objects are counted as fields resolve (Apollo's willResolveField). */
  countsObjects(contextValue: TContext): boolean;
}

/**
 * Cost depends on variables (`first: $n`) and Apollo keeps validated documents in a cache,
 * so the cost is checked once the operation is known, per request, not as a validation rule.
 * The priced maximum is an upper bound the data rarely reaches; the objects a response really
 * holds are counted as fields resolve, and past `maxObjects` the operation stops
 * (resolved-objects.ts). Counting hooks every field of the operation (Apollo then wraps
 * each resolver call), which costs a small page more CPU than its resolvers: operations
 * priced well under `maxObjects` (a tenth, leaving room for a list longer than priced) are
 * not counted.
 */
export function costLimitPlugin<TContext extends object>(
  maxCost: number = MAX_QUERY_COST,
  maxObjects: number = MAX_RESOLVED_OBJECTS,
): CostLimitPlugin<TContext> {
  const priceOf = rememberedCosts();
  const countedRequests = new WeakSet<TContext>();
  return {
    countsObjects: (contextValue) => countedRequests.has(contextValue),
    async requestDidStart({ contextValue }) {
      const counter = new ResolvedObjects(maxObjects);
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // Registered here so that one plugin owns every check of what a request brings.
          const nul = nulCharacterError(document, request.variables);
          if (nul) throw nul;
          const cost = priceOf(schema, document, operation, request.variables ?? {});
          if (cost !== undefined && cost > maxCost) throw costLimitError(cost, maxCost);
          if (cost === undefined || cost > maxObjects / UNCOUNTED_PRICE_SHARE) countedRequests.add(contextValue);
        },
        async executionDidStart() {
          if (!countedRequests.has(contextValue)) return;
          return { willResolveField: ({ info }) => counter.willResolve(info) };
        },
        async willSendResponse({ response }) {
          counter.replaceAnswer(response);
        },
      };
    },
  };
}
