import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { invalidField } from '../../lib/errors';

/**
 * PostgreSQL text cannot hold U+0000 and rejects the statement, which would surface as an
 * INTERNAL_SERVER_ERROR. Every string an operation brings (document literals and variables,
 * at any depth) is checked here, once, before anything runs: BAD_USER_INPUT, naming where.
 */
const NUL = '\u0000';

function nulInValue(value: unknown, path: Array<string | number>): Array<string | number> | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulInValue(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      // A NUL in a key is no input field: graphql's own coercion refuses it.
      const found = nulInValue(inner, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Documents already searched: Apollo reuses the parsed document of a known query text. */
const searchedDocuments = new WeakMap<DocumentNode, boolean>();

function nulInDocument(document: DocumentNode): boolean {
  const known = searchedDocuments.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes(NUL)) found = true;
    },
  });
  searchedDocuments.set(document, found);
  return found;
}

/** The BAD_USER_INPUT error for the first string holding a NUL character, if any. */
export function nulCharacterError(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  const message = 'Text must not contain NUL (U+0000) characters';
  const inVariables = nulInValue(variables ?? {}, []);
  const error = inVariables
    ? invalidField(inVariables, message, 'noNulCharacters')
    : nulInDocument(document)
      ? invalidField([], message, 'noNulCharacters')
      : undefined;
  // Apollo answers errors raised before execution with 500 unless told otherwise.
  if (error) error.extensions.http = { status: 400 };
  return error;
}
