import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import * as generated from './generated/graphql';
import { TypedDocumentString } from './generated/graphql';

/**
 * The typed Kitaab API client: one method per operation of client/operations, named after
 * the operation (`Me` → `me()`, `CreateDeed` → `createDeed({ input })`), with the
 * variables and result types generated from the schema (`npm run codegen`). Runs on any
 * `fetch` (browsers, Node 18+); no GraphQL library is needed at run time.
 *
 *   const kitaab = createKitaabClient('http://127.0.0.1:4000/graphql');
 *   const { login } = await kitaab.login({ input: { email, password } });
 *   kitaab.setToken(login.token);
 *   const { me } = await kitaab.me();
 *
 * Against a server that runs trusted documents only (PERSISTED_OPERATIONS=only), pass
 * `{ persisted: true }`: requests then carry the document's hash from the manifest
 * (client/generated/persisted-documents.json) instead of its text.
 */

export * from './generated/graphql';

type Generated = typeof generated;

/** `OnEntryRecorded`: subscriptions are named On<Event>, and no query or mutation is. */
type IsSubscriptionName<Name extends string> = Name extends `On${infer Event}`
  ? Event extends Capitalize<Event>
    ? true
    : false
  : false;

/**
 * `MeDocument` → `Me`: the queries and mutations the SDK has, by operation name.
 * Subscriptions (client/operations/subscriptions.graphql) go over graphql-ws instead.
 */
type OperationDocuments = {
  [K in keyof Generated as K extends `${infer Name}Document` ? (IsSubscriptionName<Name> extends true ? never : Name) : never]: Generated[K];
};
export type OperationName = keyof OperationDocuments;

export type ResultOf<D> = D extends DocumentTypeDecoration<infer Result, any> ? Result : never;
export type VariablesOf<D> = D extends DocumentTypeDecoration<any, infer Variables> ? Variables : never;

export interface RequestOptions {
  /** Extra headers for this request only. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Variables may be left out when the operation has none or only optional ones. */
type OperationMethod<D> = {} extends VariablesOf<D>
  ? (variables?: VariablesOf<D>, options?: RequestOptions) => Promise<ResultOf<D>>
  : (variables: VariablesOf<D>, options?: RequestOptions) => Promise<ResultOf<D>>;

export type KitaabSdk = {
  [Name in OperationName as Uncapitalize<Name>]: OperationMethod<OperationDocuments[Name]>;
};

export interface KitaabClientOptions {
  /** Access token from `login`/`register`, sent as `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Send manifest hashes instead of document text (servers with PERSISTED_OPERATIONS=only). */
  persisted?: boolean;
  /** Headers for every request. */
  headers?: Record<string, string>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

export interface KitaabClient extends KitaabSdk {
  readonly url: string;
  /** Any generated document, e.g. `client.request(MeDocument)`. */
  request<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    variables?: Variables,
    options?: RequestOptions,
  ): Promise<Result>;
  /** Replaces the token for the following requests (null: anonymous). */
  setToken(token: string | null): void;
}

/** One entry of a GraphQL response's `errors` (CONTRACT.md section 11). */
export interface KitaabErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The server answered with errors (or not with GraphQL at all). */
export class KitaabRequestError extends Error {
  constructor(
    readonly operationName: string | undefined,
    readonly status: number,
    readonly errors: readonly KitaabErrorPayload[],
    /** Partial data, when the server sent some beside the errors. */
    readonly data?: unknown,
  ) {
    super(`${operationName ?? 'GraphQL request'} failed: ${errors.map((error) => error.message).join('; ')}`);
    this.name = 'KitaabRequestError';
  }

  /** The first error's `extensions.code`, e.g. `NOT_FOUND`. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

/** What every generated document is, whatever its types. */
interface AnyDocument {
  toString(): string;
  __meta__?: Record<string, unknown>;
}

/** The document's operation (codegen writes it first, then the fragments it uses). */
function operationOf(document: AnyDocument): { kind: string; name: string | undefined } | undefined {
  const match = /^\s*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/.exec(document.toString());
  return match ? { kind: match[1]!, name: match[2] } : undefined;
}

function hashOf(document: AnyDocument): string {
  const hash = document.__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('This document has no persisted hash: regenerate the SDK (npm run codegen)');
  return hash;
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: KitaabErrorPayload[];
}

export function createKitaabClient(url: string, options: KitaabClientOptions = {}): KitaabClient {
  const fetchImpl = options.fetch ?? fetch;
  let token = options.token ?? null;

  async function post(body: Record<string, unknown>, requestOptions: RequestOptions): Promise<{ status: number; body: GraphQLResponseBody }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options.headers,
      ...requestOptions.headers,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetchImpl(url, { method: 'POST', headers, body: JSON.stringify(body), signal: requestOptions.signal });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as GraphQLResponseBody };
    } catch {
      return { status: response.status, body: { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] } };
    }
  }

  async function request<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    variables?: Variables,
    requestOptions: RequestOptions = {},
  ): Promise<Result> {
    const operationName = operationOf(document)?.name;
    const common = { operationName, variables: variables ?? {} };
    let answer = options.persisted
      ? await post({ ...common, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document) } } }, requestOptions)
      : await post({ ...common, query: document.toString() }, requestOptions);
    // A server with automatic persisted queries but without this manifest: send the text once.
    if (options.persisted && answer.body.errors?.[0]?.extensions?.code === PERSISTED_QUERY_NOT_FOUND) {
      answer = await post({ ...common, query: document.toString() }, requestOptions);
    }
    const { status, body } = answer;
    if (body.errors?.length || body.data === undefined || body.data === null) {
      throw new KitaabRequestError(operationName, status, body.errors ?? [{ message: `HTTP ${status} without data` }], body.data);
    }
    return body.data as Result;
  }

  const client: Record<string, unknown> = {
    url,
    request,
    setToken(next: string | null) {
      token = next;
    },
  };
  for (const [exportName, document] of Object.entries(generated)) {
    if (!exportName.endsWith('Document') || !(document instanceof TypedDocumentString)) continue;
    if (operationOf(document)?.kind === 'subscription') continue;
    const operationName = exportName.slice(0, -'Document'.length);
    const methodName = operationName.charAt(0).toLowerCase() + operationName.slice(1);
    if (methodName in client) throw new Error(`Operation ${operationName} clashes with the client's own ${methodName}`);
    client[methodName] = (variables?: unknown, requestOptions?: RequestOptions) =>
      request(document as TypedDocumentString<unknown, unknown>, variables, requestOptions);
  }
  return client as unknown as KitaabClient;
}
