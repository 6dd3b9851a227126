import type { TestServices } from './test-services';

/**
 * Jest runs global setup and global teardown in one process but loads them as separate
 * modules; a registered symbol on globalThis carries the services from one to the other.
 */
const key = Symbol.for('kitaab.test.runningServices');
type Holder = typeof globalThis & { [key]?: TestServices };

export function keepRunningServices(services: TestServices): void {
  (globalThis as Holder)[key] = services;
}

export function takeRunningServices(): TestServices | undefined {
  const holder = globalThis as Holder;
  const services = holder[key];
  delete holder[key];
  return services;
}
