import { promises as fs } from 'node:fs';
import path from 'node:path';
import { JWT_SECRET_FILE, loadJwtSecret } from './jwt-secret';
import { makeTempDir } from '../../test/helpers/temp-dir';

describe('loadJwtSecret', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = path.join(await makeTempDir('kitaab-secret-'), 'nested', 'data');
  });

  it('uses JWT_SECRET when it is set, writing nothing', async () => {
    const secret = 's'.repeat(40);
    await expect(loadJwtSecret({ jwtSecret: secret, dataDir })).resolves.toBe(secret);
    await expect(fs.access(path.join(dataDir, JWT_SECRET_FILE))).rejects.toThrow();
  });

  it('generates 32 random bytes once, keeps them private, and reuses them', async () => {
    const first = await loadJwtSecret({ jwtSecret: undefined, dataDir });
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);

    const file = path.join(dataDir, JWT_SECRET_FILE);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await expect(loadJwtSecret({ jwtSecret: undefined, dataDir })).resolves.toBe(first);
  });

  it('agrees on one secret when started twice at once', async () => {
    const secrets = await Promise.all([1, 2, 3].map(() => loadJwtSecret({ jwtSecret: undefined, dataDir })));
    expect(new Set(secrets).size).toBe(1);
  });

  it('refuses a truncated secret file', async () => {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(path.join(dataDir, JWT_SECRET_FILE), 'short\n');
    await expect(loadJwtSecret({ jwtSecret: undefined, dataDir })).rejects.toThrow(/no usable secret/);
  });
});
