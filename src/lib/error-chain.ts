const MAX_DEPTH = 8;

type Inspectable = Record<string, unknown>;

function isObject(value: unknown): value is Inspectable {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether `error`, or an error it wraps, passes `test`. Errors arrive wrapped: pg's inside the
 * driver adapter's (`cause`), inside Prisma's (`meta.driverAdapterError`), inside GraphQL's
 * (`originalError`), so the chain is walked, to a bounded depth.
 */
export function anyInErrorChain(error: unknown, test: (error: Inspectable) => boolean, depth = 0): boolean {
  if (!isObject(error) || depth > MAX_DEPTH) return false;
  if (test(error)) return true;
  const meta = isObject(error.meta) ? error.meta : undefined;
  return [error.originalError, error.cause, meta?.driverAdapterError].some(
    (inner) => inner !== error && anyInErrorChain(inner, test, depth + 1),
  );
}
