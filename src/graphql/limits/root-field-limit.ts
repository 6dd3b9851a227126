import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { queryLimitExceeded } from '../../lib/errors';

/** CONTRACT.md section 8: root fields per operation. */
export const MAX_ROOT_FIELDS = 20;

/**
 * Response keys (alias or name) at the root of a selection set, looking through fragments.
 * Identical keys are merged by graphql and resolve once, so they count once; introspection
 * meta fields (`__typename`, `__schema`, `__type`) are free. Response key → field name.
 */
export function rootResponseKeys(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  keys: Map<string, string> = new Map(),
  visitedFragments: Set<string> = new Set(),
): Map<string, string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) keys.set(selection.alias?.value ?? selection.name.value, selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(selection.selectionSet, context, keys, visitedFragments);
    } else if (!visitedFragments.has(selection.name.value)) {
      visitedFragments.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) rootResponseKeys(fragment.selectionSet, context, keys, visitedFragments);
    }
  }
  return keys;
}

export function rootFieldLimitRule(maxRootFields: number = MAX_ROOT_FIELDS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = rootResponseKeys(operation.selectionSet, context).size;
      if (count > maxRootFields) {
        context.reportError(
          queryLimitExceeded(`Operation selects ${count} root fields; the limit is ${maxRootFields}`, 'ROOT_FIELDS'),
        );
      }
      return false;
    },
  });
}
