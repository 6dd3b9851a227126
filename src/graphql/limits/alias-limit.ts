import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { ValidationRule } from 'graphql';
import { queryLimitExceeded } from '../../lib/errors';

/** CONTRACT.md section 8: aliases per operation (fragments counted where they are spread). */
export const MAX_ALIASES = 15;

/**
 * graphql-armor's alias counter (aliases of `__typename` are free), reporting through the
 * validation context with the contract's code and reason instead of throwing its own error.
 */
export function aliasLimitRule(maxAliases: number = MAX_ALIASES): ValidationRule {
  return maxAliasesRule({
    n: maxAliases,
    propagateOnRejection: false,
    onReject: [
      (context) =>
        context?.reportError(queryLimitExceeded(`Operation uses more than ${maxAliases} aliases`, 'ALIASES')),
    ],
  }) as ValidationRule;
}
