import {
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
  validate,
  type ASTVisitor,
  type GraphQLError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { queryLimitExceeded } from '../../lib/errors';
import { exceedsSelectionFanOut } from './selection-fan-out';

/** CONTRACT.md section 8: fields directly under the operation are depth 0. */
export const MAX_QUERY_DEPTH = 12;

/**
 * graphql-depth-limit counts depth as the contract defines it (introspection fields are not
 * counted), but it reports a bare error, walks the document as soon as the rule is created,
 * re-walks a fragment at every spread, and would recurse forever on a fragment cycle or
 * crash on an unknown fragment. This rule skips such documents (graphql's own rules and
 * the fan-out rule reject them) and reports the first violation once, with the contract's
 * code and reason.
 */
export function depthLimitRule(maxDepth: number = MAX_QUERY_DEPTH): ValidationRule {
  const countDepth = depthLimit(maxDepth);
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    if (exceedsSelectionFanOut(document)) return {};
    if (validate(context.getSchema(), document, [KnownFragmentNamesRule, NoFragmentCyclesRule]).length > 0) return {};

    let reported = false;
    const reportOnce = (_error: GraphQLError): void => {
      if (reported) return;
      reported = true;
      context.reportError(queryLimitExceeded(`Query is deeper than the limit of ${maxDepth}`, 'DEPTH'));
    };
    // The library only reads the document from the context and reports into it.
    countDepth(Object.create(context, { reportError: { value: reportOnce } }) as ValidationContext);
    return {};
  };
}
