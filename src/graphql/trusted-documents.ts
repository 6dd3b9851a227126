import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../lib/errors';

/**
 * Trusted documents (PERSISTED_OPERATIONS=only): the server executes only the operations of
 * the client SDK's manifest, client/generated/persisted-documents.json (`npm run codegen`:
 * sha256 hex of each document → the document).
 *
 * A client names an operation by hash the way automatic persisted queries do:
 * `extensions.persistedQuery.sha256Hash` (version 1), with no query text. A query text is
 * accepted only when it is byte for byte a manifest document. Anything else fails with
 * OPERATION_NOT_TRUSTED (HTTP 400) before it is parsed; PERSISTED_QUERY_NOT_FOUND would
 * tell an APQ client to resend the text, which can never succeed here.
 *
 * The manifest's document replaces the request's before Apollo's own persisted-query step
 * runs, so the APQ cache is neither read nor written in this mode: trusted documents take
 * precedence. Subscriptions (graphql-ws) apply the same rule in their onSubscribe.
 */

export const TRUSTED_DOCUMENTS_MANIFEST = path.resolve(__dirname, '..', '..', 'client', 'generated', 'persisted-documents.json');

export type TrustedDocuments = ReadonlyMap<string, string>;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads and checks the manifest: every key must be the sha256 of its document. */
export function loadTrustedDocuments(file: string = TRUSTED_DOCUMENTS_MANIFEST): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS=only needs the trusted-documents manifest ${file} (npm run codegen): ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} must be a JSON object of sha256 hash → document`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || sha256(document) !== hash) {
      throw new Error(`${file}: the entry ${hash} is not the sha256 of its document (regenerate it with npm run codegen)`);
    }
    documents.set(hash, document);
  }
  return documents;
}

/** Why a request was refused, in `extensions.reason`. */
export type UntrustedReason = 'UNKNOWN_HASH' | 'HASH_MISMATCH' | 'QUERY_NOT_IN_MANIFEST';

const MESSAGES: Record<UntrustedReason, string> = {
  UNKNOWN_HASH: 'This server runs trusted documents only, and no trusted document has this hash',
  HASH_MISMATCH: 'The query text is not the trusted document of this hash',
  QUERY_NOT_IN_MANIFEST:
    'This server runs trusted documents only: send extensions.persistedQuery.sha256Hash of a trusted document instead of a query',
};

export function operationNotTrusted(reason: UntrustedReason): GraphQLError {
  return new GraphQLError(MESSAGES[reason], {
    extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED, reason, http: { status: 400 } },
  });
}

// What a refused request runs instead of its own document: parsed and validated in no time,
// and never executed (the refusal is raised once Apollo has resolved the operation).
const REFUSED_PLACEHOLDER = '{ __typename }';

interface PersistedQueryExtension {
  sha256Hash?: unknown;
}

/**
 * The trusted document for `request`, or why there is none (undefined: neither a query nor a
 * hash). Also for transports outside Apollo's pipeline (subscriptions).
 */
export function resolveTrustedDocument(
  request: { query?: string | null; extensions?: Readonly<Record<string, unknown>> | null },
  documents: TrustedDocuments,
): { document: string } | { refused: UntrustedReason } | undefined {
  const persisted = request.extensions?.persistedQuery as PersistedQueryExtension | undefined;
  const hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
  const { query } = request;
  if (hash !== undefined) {
    const document = documents.get(hash);
    if (document === undefined) return { refused: 'UNKNOWN_HASH' };
    // graphql-ws requires a query string: with a hash, an empty one stands for none.
    if (query && query !== document) return { refused: 'HASH_MISMATCH' };
    return { document };
  }
  if (typeof query === 'string' && query !== '') {
    const document = documents.get(sha256(query));
    return document === undefined ? { refused: 'QUERY_NOT_IN_MANIFEST' } : { document };
  }
  return undefined;
}

function withoutPersistedQuery(extensions: GraphQLRequest['extensions']): GraphQLRequest['extensions'] {
  if (!extensions) return extensions;
  const { persistedQuery: _persistedQuery, ...rest } = extensions;
  return rest;
}

/** Install first among the plugins, so every other plugin sees the trusted document. */
export function trustedDocumentsPlugin<TContext extends object>(documents: TrustedDocuments): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const resolved = resolveTrustedDocument(request, documents);
      // No query and no hash: Apollo answers BAD_REQUEST as usual.
      if (!resolved) return;
      request.extensions = withoutPersistedQuery(request.extensions);
      if ('document' in resolved) {
        request.query = resolved.document;
        return;
      }
      request.query = REFUSED_PLACEHOLDER;
      request.operationName = undefined;
      const refusal = operationNotTrusted(resolved.refused);
      return {
        async didResolveOperation() {
          throw refusal;
        },
      };
    },
  };
}
