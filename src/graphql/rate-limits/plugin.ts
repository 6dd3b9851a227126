import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../../context';
import { rateLimited } from '../../lib/errors';
import type { RateLimitHold, RateLimiter } from './limiter';
import { planChecks, type PlannedCheck } from './request-checks';
import type { RateLimitScope } from './scopes';

/**
 * RATE_LIMITED (CONTRACT.md section 9) with `retryAfter` in whole seconds, the scope that was
 * full, and the HTTP answer a proxy understands: 429 with a Retry-After header.
 */
export function rateLimitError(retryAfterMs: number, scope: RateLimitScope): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const base = rateLimited(seconds, `Too many requests: try again in ${seconds} s`);
  const extensions: Record<string, unknown> = {
    ...base.extensions,
    scope: scope.name,
    // Read by Apollo for the HTTP answer, then left out of the body.
    http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
  };
  return new GraphQLError(base.message, { extensions });
}

/** Whether the response has an error with `code` on the root field `responseKey`. */
function fieldFailedWith(response: GraphQLResponse, responseKey: string, code: string): boolean {
  if (response.body.kind !== 'single') return false;
  return (response.body.singleResult.errors ?? []).some(
    (error) => error.path?.[0] === responseKey && error.extensions?.code === code,
  );
}

/**
 * Checks every operation against its windows once it is resolved, before anything runs, so a
 * refused mutation has no effect at all. Hits of failure-only scopes (failed logins) are
 * given back when the response shows the field did not fail that way.
 */
export function rateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          limiter.close();
        },
      };
    },
    async requestDidStart() {
      let conditional: Array<{ check: PlannedCheck; hold: RateLimitHold }> = [];
      return {
        async didResolveOperation({ contextValue, operation, document, request, schema, metrics }) {
          if (!operation) return;
          const checks = planChecks({
            schema,
            document,
            operation,
            variables: request.variables,
            requester: { userId: contextValue.viewer?.id ?? null, ip: contextValue.origin.ipAddress },
            registersPersistedQuery: metrics.persistedQueryRegister === true,
          });
          const result = await limiter.consume(checks);
          if (!result.allowed) throw rateLimitError(result.retryAfterMs, result.scope);
          conditional = checks.flatMap((check, index) => (check.onlyFailing ? [{ check, hold: result.holds[index]! }] : []));
        },
        async willSendResponse({ response }) {
          await Promise.all(
            conditional.map(({ check, hold }) => {
              const { responseKey, code } = check.onlyFailing!;
              return fieldFailedWith(response, responseKey, code) ? undefined : limiter.release(hold);
            }),
          );
        },
      };
    },
  };
}
