/** Keeps the event loop busy for `ms`, as a burst of requests or a long collection does. */
export function keepBusy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}
