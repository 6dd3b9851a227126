import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Issue 11 item 7: `npm run db:seed` refuses NODE_ENV=production before touching any database. */
test('db:seed refuses to run with NODE_ENV=production (exit 3), before connecting anywhere', () => {
  const root = path.resolve(__dirname, '..');
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/db-seed.ts', '--users', '1', '--days', '1'], {
    cwd: root,
    // An address nothing listens on: reaching it would fail with exit 1, not 3.
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.stderr).toContain('refused: NODE_ENV=production');
  expect(result.status).toBe(3);
});
