import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * What loading the server costs before it knows its database: an instance on PostgreSQL must not
 * hold the embedded database's code (PGlite and its Prisma adapter, ~2 MB of heap for the life of
 * the process). db/client.ts and db/migrations.ts load them only when they open PGlite.
 */
describe('modules loaded with the server', () => {
  it('include nothing of PGlite until an embedded database is opened', () => {
    const script = `require('./src/server');
      const loaded = Object.keys(require.cache).filter((file) => /node_modules\\/(@electric-sql\\/pglite|pglite-prisma-adapter)\\//.test(file));
      process.stdout.write(JSON.stringify(loaded));`;
    const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual([]);
  });
});
