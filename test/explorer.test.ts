import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from './helpers/test-app';

/**
 * The explorer in a real browser: Debian's headless Chromium loads GraphiQL from the server
 * alone (every request the page makes is recorded), runs `{ me { id } }` and shows the
 * result. The screenshot lands in test-output/explorer.png.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const SCREENSHOT = path.resolve(__dirname, '..', 'test-output', 'explorer.png');
/** What the page showed when the test failed, to see why. */
const FAILURE_SCREENSHOT = path.resolve(__dirname, '..', 'test-output', 'explorer-failure.png');

function isSameOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return url.startsWith(`blob:${origin}/`);
  return new URL(url).origin === origin;
}

describe('explorer in Chromium', () => {
  let app: TestApp;
  let browser: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (.ci/run installs it)`);
    }
    app = await startTestApp();
    userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kitaab-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (userDataDir) await fs.rm(userDataDir, { recursive: true, force: true });
  });

  test('loads GraphiQL from the server only, runs { me { id } } and shows "me": null', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    try {
      const response = await page.goto(app.url);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);

      // The sample operation is preloaded; GraphiQL has fetched the schema once it shows.
      const queryLines = page.locator('.graphiql-query-editor .view-lines');
      await queryLines.filter({ hasText: 'query Me' }).waitFor({ timeout: 20_000 });

      // Replace the sample by pasting (typing would race the editor's autocompletion and
      // bracket closing): select all, then a paste event as the clipboard would send it. On a
      // busy machine the editor may not have taken focus yet: try again until it shows.
      const shownQuery = async () => (await queryLines.innerText()).replace(/\s+/g, ' ').trim();
      for (let attempt = 0; attempt < 10 && (await shownQuery()) !== '{ me { id } }'; attempt += 1) {
        await queryLines.click();
        await page.keyboard.press('Control+A');
        await page.evaluate((text) => {
          const clipboardData = new DataTransfer();
          clipboardData.setData('text/plain', text);
          document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
        }, '{ me { id } }');
        await page.waitForTimeout(300);
      }
      expect(await shownQuery()).toBe('{ me { id } }');
      // The tab is renamed once GraphiQL has taken in the new (unnamed) operation.
      await page.locator('.graphiql-tab-active', { hasText: '<untitled>' }).waitFor({ timeout: 20_000 });
      await page.locator('.graphiql-execute-button').click();

      const result = page.locator('.graphiql-response .view-lines');
      await result.filter({ hasText: '"me"' }).waitFor({ timeout: 20_000 });
      const shown = JSON.parse((await result.innerText()).replace(/\u00a0/g, ' '));
      expect(shown).toEqual({ data: { me: null } });
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => undefined);
      throw error;
    }

    await page.screenshot({ path: SCREENSHOT });

    expect(requested.filter((url) => !isSameOrigin(url, app.origin))).toEqual([]);
    // The page itself, the schema introspection and the operation, all to /graphql.
    expect(requested.filter((url) => url.startsWith('http')).every((url) => url === app.url)).toBe(true);
    expect(requested.filter((url) => url === app.url).length).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 60_000);
});

describe('explorer over HTTP', () => {
  const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  test('EXPLORER=off: a browser GET gets a JSON 404 saying so; operations still run', async () => {
    const app = await startTestApp({ EXPLORER: 'off' });
    try {
      const page = await fetch(app.url, { headers: { accept: browserAccept } });
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await page.json()).toEqual({
        errors: [
          {
            message: 'The explorer is disabled (EXPLORER=off): send GraphQL requests to POST /graphql',
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      });

      const me = await app.gql('{ me { id } }');
      expect(me.errors).toBeUndefined();
      expect(me.data).toEqual({ me: null });
      // Introspection goes with the explorer.
      const introspection = await app.gql('{ __schema { queryType { name } } }');
      expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await app.stop();
    }
  });

  test('explorer on: the page is one self-contained HTML document with the sample operation', async () => {
    const app = await startTestApp({ EXPLORER: 'on' });
    try {
      const page = await fetch(app.url, { headers: { accept: browserAccept } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<title>Kitaab API explorer</title>');
      expect(html).toContain('query Me {');
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(html).not.toMatch(/<link[^>]+href="https?:/);
    } finally {
      await app.stop();
    }
  });
});
