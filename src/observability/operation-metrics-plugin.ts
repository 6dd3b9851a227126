import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from '../context';
import { ErrorCode } from '../lib/errors';
import type { Metrics } from './metrics';

const UNKNOWN_CODE = 'UNKNOWN';

function formattedErrors(response: { body: { kind: string } }): readonly GraphQLFormattedError[] {
  const body = response.body as { kind: 'single'; singleResult: { errors?: readonly GraphQLFormattedError[] } };
  return body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
}

/**
 * Per GraphQL operation: its duration, the SQL statements it ran and the codes of the errors
 * sent back (after `formatError`, so masked errors count as INTERNAL_SERVER_ERROR). Also names
 * the operation and the viewer for the request log line.
 */
export function operationMetricsPlugin(
  metrics: Metrics,
  /** Statements are attributed to requests only in their async scope (lib/request-scope.ts). */
  countsStatements: boolean,
): ApolloServerPlugin<Context> {
  return {
    // A request whose context could not be built (refused token, database down) never reaches
    // the operation hooks below; its error is counted here.
    async contextCreationDidFail({ error }) {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR });
    },

    async requestDidStart(requestContext) {
      const startedAt = performance.now();
      const { scope } = requestContext.contextValue;

      return {
        async willSendResponse({ operationName, operation, request, response }) {
          const name = operationName ?? request.operationName ?? null;
          const label = metrics.operationLabel(name);
          const seconds = (performance.now() - startedAt) / 1000;
          metrics.graphqlOperationDuration.observe(
            { operation_name: label, operation_type: operation?.operation ?? 'unknown' },
            seconds,
          );
          scope.operationName = name;
          if (countsStatements) metrics.sqlStatementsPerOperation.observe({ operation_name: label }, scope.sqlStatements);
          for (const error of formattedErrors(response)) {
            const code = error.extensions?.code;
            metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : UNKNOWN_CODE });
          }
        },
      };
    },
  };
}
