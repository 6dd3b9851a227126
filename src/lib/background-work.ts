/**
 * Work a request starts but does not wait for: what would make its answer slower in one
 * case than in another (an account exists, or not) when the difference must not show. A
 * failure is handed to `onError` (logged by the caller), never to the client.
 */
const pending = new Set<Promise<void>>();

export function offResponsePath(work: () => Promise<void>, onError: (error: unknown) => void): void {
  const running = Promise.resolve()
    .then(work)
    .catch(onError)
    .finally(() => pending.delete(running));
  pending.add(running);
}

/** Resolves once no such work is running (tests read its results; a shutdown may wait for it). */
export async function backgroundWorkSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
