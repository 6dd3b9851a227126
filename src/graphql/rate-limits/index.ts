import type { ApolloServerPlugin } from '@apollo/server';
import { redisConnectionOf, type Cache } from '../../cache';
import type { Context } from '../../context';
import type { Logger } from '../../lib/logger';
import { RateLimiter } from './limiter';
import { rateLimitPlugin } from './plugin';

export { RateLimiter } from './limiter';
export { SCOPES, MUTATION_FIELD_LIMITS } from './scopes';

/** The section 9 limits, counted in the cache's Redis when there is one (else in process). */
export function createRateLimitPlugin(cache: Cache, logger: Logger): ApolloServerPlugin<Context> {
  return rateLimitPlugin(new RateLimiter(redisConnectionOf(cache), logger.child({ component: 'rate-limits' })));
}
