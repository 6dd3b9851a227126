import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ErrorCode } from '../../lib/errors';
import { mapAsyncIterable } from '../../lib/async-iterables';
import { MAX_QUERY_COST, operationCost, queryLimitRules } from '../limits';
import { nulCharacterError } from '../limits/nul-characters';
import { costLimitError } from '../limits/cost-limit';

/**
 * One operation received over the WebSocket, checked as HTTP checks it (syntax, validation,
 * the query limits of CONTRACT.md section 8, variables), and run with a fresh context for
 * every event.
 */

export interface SubscribeRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function refused(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * The parsed subscription, or the errors to answer with. Queries and mutations stay on HTTP,
 * where rate limits, persisted queries and read routing apply.
 */
export function prepareSubscription(
  schema: GraphQLSchema,
  request: SubscribeRequest,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    // The contract has one code for documents the server refuses, syntax errors included.
    if (error instanceof GraphQLError) return { errors: [withCode(error, ErrorCode.GRAPHQL_VALIDATION_FAILED)] };
    throw error;
  }

  const invalid = validate(schema, document, [...specifiedRules, ...queryLimitRules]);
  if (invalid.length > 0) return { errors: invalid.map((error) => withCode(error, ErrorCode.GRAPHQL_VALIDATION_FAILED)) };

  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) {
    return { errors: [refused('Unable to identify the operation to run: name one with operationName', ErrorCode.BAD_REQUEST)] };
  }
  if (operation.operation !== 'subscription') {
    return {
      errors: [refused('Only subscriptions are served over WebSocket: send queries and mutations with HTTP POST', ErrorCode.BAD_REQUEST)],
    };
  }

  const variables = request.variables ?? {};
  const nul = nulCharacterError(document, variables);
  if (nul) return { errors: [nul] };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return { errors: coerced.errors.map((error) => withCode(error, ErrorCode.BAD_USER_INPUT)) };

  const cost = operationCost(schema, document, operation, variables);
  if (cost !== undefined && cost > MAX_QUERY_COST) return { errors: [costLimitError(cost, MAX_QUERY_COST)] };
  return { document };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof Object(value)[Symbol.asyncIterator] === 'function';
}

/**
 * graphql-js `subscribe`, except that each event executes with `contextForEvent()` rather
 * than the context the subscription started with: loaders and the permission authority
 * remember answers, and an event must see the data and grants as they are when it is sent.
 */
export async function subscribeWithEventContexts(
  args: ExecutionArgs,
  contextForEvent: () => unknown,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream as ExecutionResult;
  return mapAsyncIterable(stream[Symbol.asyncIterator](), (payload) =>
    execute({ ...args, rootValue: payload, contextValue: contextForEvent() }),
  );
}
