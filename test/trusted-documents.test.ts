import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKitaabClient, KitaabRequestError, MeDocument, OnMeritCompletedDocument } from '../client';
import { loadTrustedDocuments, TRUSTED_DOCUMENTS_MANIFEST } from '../src/graphql/trusted-documents';
import { connect, type WsClient } from './helpers/subscription-client';
import { freshEmail, mailsTo, PASSWORD } from './helpers/accounts';
import { startTestApp, type TestApp } from './helpers/test-app';

/**
 * PERSISTED_OPERATIONS=only over HTTP: the SDK's operations run by hash; any other document,
 * hash or registration attempt is refused with OPERATION_NOT_TRUSTED before it runs.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface RawResponse {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(app: TestApp, body: Record<string, unknown>, token?: string): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(app.url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as RawResponse['body'] };
}

const byHash = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

/** The first thing the server sends for one subscription: a result, or the protocol's error. */
function firstAnswer(socket: WsClient, payload: { query: string; extensions?: Record<string, unknown> }): Promise<unknown> {
  return new Promise((resolve) => {
    const stop = socket.client.subscribe(payload, {
      next: (result) => {
        stop();
        resolve({ result });
      },
      error: (error) => resolve({ error }),
      complete: () => resolve({ complete: true }),
    });
  });
}

function expectRefused(response: RawResponse, reason: string): void {
  expect(response.status).toBe(400);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors![0]!.extensions).toEqual({ code: 'OPERATION_NOT_TRUSTED', reason });
}

describe('trusted documents (PERSISTED_OPERATIONS=only)', () => {
  let app: TestApp;
  const manifest = loadTrustedDocuments();
  const meHash = MeDocument.__meta__!.hash as string;

  beforeAll(async () => {
    app = await startTestApp({ PERSISTED_OPERATIONS: 'only' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('the SDK works by hash: register, verify, me', async () => {
    const client = createKitaabClient(app.url, { persisted: true });
    const email = freshEmail('trusted');
    const { register } = await client.register({ input: { email, password: PASSWORD, fullName: 'Trusted' } });
    client.setToken(register.token);
    const [mail] = await mailsTo(app, email);
    const { verifyEmail } = await client.verifyEmail({ input: { token: mail!.token! } });
    expect(verifyEmail.user?.emailVerified).toBe(true);
    const { me } = await client.me();
    expect(me).toMatchObject({ email, fullName: 'Trusted', emailVerified: true });
  });

  test('a manifest hash runs the manifest document', async () => {
    expect(manifest.get(meHash)).toContain('query Me');
    const response = await post(app, { extensions: byHash(meHash) });
    expect(response).toEqual({ status: 200, body: { data: { me: null } } });
  });

  test('a query text that is a manifest document, byte for byte, runs', async () => {
    const response = await post(app, { query: manifest.get(meHash), operationName: 'Me' });
    expect(response).toEqual({ status: 200, body: { data: { me: null } } });
  });

  test('any other query text is refused, and a mutation in it is not executed', async () => {
    expectRefused(await post(app, { query: '{ me { id } }' }), 'QUERY_NOT_IN_MANIFEST');
    // The same operation as the manifest's, formatted differently, is still another document.
    expectRefused(await post(app, { query: `${manifest.get(meHash)} ` }), 'QUERY_NOT_IN_MANIFEST');
    expectRefused(await post(app, { query: '{ __schema { queryType { name } } }' }), 'QUERY_NOT_IN_MANIFEST');

    const email = freshEmail('untrusted');
    const register = await post(app, {
      query: 'mutation Sneaky($input: RegisterInput!) { register(input: $input) { token } }',
      operationName: 'Sneaky',
      variables: { input: { email, password: PASSWORD, fullName: 'Sneaky' } },
    });
    expectRefused(register, 'QUERY_NOT_IN_MANIFEST');
    expect(register.body.errors![0]!.message).toBe(
      'This server runs trusted documents only: send extensions.persistedQuery.sha256Hash of a trusted document instead of a query',
    );
    expect(await app.prisma.user.count({ where: { email } })).toBe(0);
  });

  test('an unknown hash is refused, and automatic persisted queries cannot register one', async () => {
    const query = '{ me { id email } }';
    expectRefused(await post(app, { extensions: byHash('0'.repeat(64)) }), 'UNKNOWN_HASH');
    // The APQ registration request (text + its own hash) is refused...
    expectRefused(await post(app, { query, extensions: byHash(sha256(query)) }), 'UNKNOWN_HASH');
    // ...so the hash stays unknown.
    expectRefused(await post(app, { extensions: byHash(sha256(query)) }), 'UNKNOWN_HASH');
  });

  test('a trusted hash with another query text is refused', async () => {
    expectRefused(await post(app, { query: '{ me { id email } }', extensions: byHash(meHash) }), 'HASH_MISMATCH');
  });

  test('subscriptions over graphql-ws follow the same rule', async () => {
    const socket = connect(app);
    try {
      const refused = await firstAnswer(socket, { query: 'subscription { meritCompleted { id } }' });
      expect(refused).toEqual({
        error: [
          {
            message: expect.stringContaining('trusted documents only'),
            extensions: { code: 'OPERATION_NOT_TRUSTED', reason: 'QUERY_NOT_IN_MANIFEST' },
          },
        ],
      });
      // graphql-ws needs a query string: with a hash it may be empty. The trusted document
      // runs (and, on an anonymous socket, fails as the resolver says).
      const hash = OnMeritCompletedDocument.__meta__!.hash as string;
      const accepted = await firstAnswer(socket, { query: '', extensions: byHash(hash) });
      expect(accepted).toEqual({
        result: { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] },
      });
    } finally {
      await socket.dispose();
    }
  });

  test('the SDK gets the error as a KitaabRequestError when it sends text', async () => {
    const textClient = createKitaabClient(app.url);
    const failure = await textClient.me().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KitaabRequestError);
    expect((failure as KitaabRequestError).code).toBe('OPERATION_NOT_TRUSTED');
    expect((failure as KitaabRequestError).status).toBe(400);
  });
});

describe('PERSISTED_OPERATIONS=off (default)', () => {
  test('any document runs, and the SDK by hash falls back to the text once', async () => {
    const app = await startTestApp();
    try {
      const raw = await post(app, { query: '{ me { id } }' });
      expect(raw).toEqual({ status: 200, body: { data: { me: null } } });

      const requests: Array<Record<string, unknown>> = [];
      const recordingFetch: typeof fetch = (input, init) => {
        requests.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
        return fetch(input, init);
      };
      const client = createKitaabClient(app.url, { persisted: true, fetch: recordingFetch });
      expect(await client.me()).toEqual({ me: null });
      expect(requests.map((body) => [body.query === undefined ? 'hash' : 'text', body.operationName])).toEqual([
        ['hash', 'Me'],
        ['text', 'Me'],
      ]);
    } finally {
      await app.stop();
    }
  });
});

describe('trusted-documents manifest', () => {
  test('the committed manifest is where the server reads it', () => {
    expect(TRUSTED_DOCUMENTS_MANIFEST).toBe(path.resolve(__dirname, '..', 'client', 'generated', 'persisted-documents.json'));
  });

  test('a missing or tampered manifest stops the server from starting', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-manifest-'));
    try {
      expect(() => loadTrustedDocuments(path.join(dir, 'missing.json'))).toThrow(
        /^PERSISTED_OPERATIONS=only needs the trusted-documents manifest .*missing\.json \(npm run codegen\)/,
      );
      const tampered = path.join(dir, 'tampered.json');
      await fs.writeFile(tampered, JSON.stringify({ [sha256('{ me { id } }')]: '{ me { id email } }' }));
      expect(() => loadTrustedDocuments(tampered)).toThrow(/is not the sha256 of its document/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
