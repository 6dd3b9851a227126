import { Prisma } from '../generated/prisma/client';

/**
 * A unique constraint refused the write: the caller lost a race with a concurrent request
 * (or the row already exists) and answers with the contract's CONFLICT or retries.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
