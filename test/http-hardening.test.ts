import { gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './helpers/test-app';
import { findFreePort } from './services/free-port';

/**
 * The HTTP layer's own guarantees (issue 11 item 7, the HTTP half): security headers on every
 * answer, /metrics only where it is configured, no schema hints without introspection, and
 * request bodies read as the contract says (compressed bodies, the 1 MB bound after inflating).
 */

describe('HTTP answers with EXPLORER=off and METRICS_PORT', () => {
  let app: TestApp;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await findFreePort();
    app = await startTestApp({ EXPLORER: 'off', METRICS_PORT: String(metricsPort) });
  });
  afterAll(() => app.stop());

  it('sends the security headers on GraphQL answers, probes and 404s', async () => {
    const answers = [
      await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      await fetch(`${app.origin}/healthz`),
      await fetch(`${app.origin}/nowhere`),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it('serves /metrics on its own port only', async () => {
    expect((await fetch(`${app.origin}/metrics`)).status).toBe(404);
    const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('kitaab_http_request_duration_seconds');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
  });

  it('gives no "Did you mean" hints that would spell out the schema', async () => {
    const response = await app.gql('{ mee { id } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).not.toContain('Did you mean');
  });

  it('reads gzip bodies, and bounds them after inflating', async () => {
    const small = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ __typename }' })),
    });
    expect(await small.json()).toEqual({ data: { __typename: 'Query' } });

    // 2 MB of spaces compress to a few KB: the bound applies to what they inflate to.
    const bomb = gzipSync(`{"query":"{ __typename }"${' '.repeat(2 * 1024 * 1024)}}`);
    const refused = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(refused.status).toBe(413);
    expect((await refused.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    const unknown = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'zstd-unknown' },
      body: '{}',
    });
    expect(unknown.status).toBe(415);
    expect((await unknown.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('HTTP answers with the explorer on', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ EXPLORER: 'on' });
  });
  afterAll(() => app.stop());

  it('gives the explorer page a policy for its own inlined scripts, framed by nobody', async () => {
    const page = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('*');
  });
});
