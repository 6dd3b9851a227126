import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

export const JWT_SECRET_FILE = 'jwt-secret';

const GENERATED_SECRET_BYTES = 32;
const MIN_STORED_SECRET_LENGTH = 32;

/**
 * The key that signs access tokens: `JWT_SECRET` when set (required in production);
 * otherwise one generated on the first start and kept in `<DATA_DIR>/jwt-secret`, so tokens
 * survive restarts of a development server.
 */
export async function loadJwtSecret(config: Pick<Config, 'jwtSecret' | 'dataDir'>): Promise<string> {
  if (config.jwtSecret !== undefined) return config.jwtSecret;
  const file = path.join(config.dataDir, JWT_SECRET_FILE);
  return (await readStoredSecret(file)) ?? (await storeNewSecret(file)) ?? readStoredSecretOrFail(file);
}

async function readStoredSecret(file: string): Promise<string | undefined> {
  try {
    return await readStoredSecretOrFail(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readStoredSecretOrFail(file: string): Promise<string> {
  const stored = (await fs.readFile(file, 'utf8')).trim();
  if (stored.length < MIN_STORED_SECRET_LENGTH) {
    throw new Error(`${file} holds no usable secret: delete it to generate a new one, or set JWT_SECRET`);
  }
  return stored;
}

/** The new secret, or undefined when another process stored one first. */
async function storeNewSecret(file: string): Promise<string | undefined> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const generated = randomBytes(GENERATED_SECRET_BYTES).toString('base64url');
  // Written aside, then hard-linked into place: link() fails if the file exists, so two
  // processes starting together agree on one secret, and neither reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await fs.writeFile(draft, `${generated}\n`, { mode: 0o600 });
  try {
    await fs.link(draft, file);
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  } finally {
    await fs.rm(draft, { force: true });
  }
}
