import {
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { queryLimitExceeded } from '../../lib/errors';

/**
 * Selections a document may expand to once every fragment spread is inlined. A few small
 * fragments that each spread the next ten times expand to billions of selections; anything
 * that walks the expanded tree (graphql-depth-limit, the cost count) would never finish.
 */
export const MAX_EXPANDED_SELECTIONS = 10_000;

/** Expanded size, counting every field, spread and inline fragment once per place it ends up. */
export function expandedSelectionCount(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentSizes = new Map<string, number>();

  const sizeOf = (selectionSet: SelectionSetNode | undefined, path: ReadonlySet<string>): number => {
    let size = 0;
    for (const selection of selectionSet?.selections ?? []) {
      size += 1;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        // Unknown fragments and cycles are graphql's own validation errors.
        if (path.has(name)) continue;
        let fragmentSize = fragmentSizes.get(name);
        if (fragmentSize === undefined) {
          fragmentSize = sizeOf(fragments.get(name)?.selectionSet, new Set([...path, name]));
          fragmentSizes.set(name, fragmentSize);
        }
        size += fragmentSize;
      } else {
        size += sizeOf(selection.selectionSet, path);
      }
    }
    return size;
  };

  return document.definitions.reduce(
    (largest, definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? Math.max(largest, sizeOf(definition.selectionSet, new Set())) : largest,
    0,
  );
}

export function exceedsSelectionFanOut(document: DocumentNode): boolean {
  return expandedSelectionCount(document) > MAX_EXPANDED_SELECTIONS;
}

/** Such a document is far over the cost limit whatever its fields weigh: reported as COMPLEXITY. */
export function selectionFanOutRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    if (exceedsSelectionFanOut(context.getDocument())) {
      context.reportError(
        queryLimitExceeded(`Query expands to more than ${MAX_EXPANDED_SELECTIONS} selections`, 'COMPLEXITY'),
      );
    }
    return {};
  };
}
