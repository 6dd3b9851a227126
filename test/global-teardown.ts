import { takeRunningServices } from './services/running-services';

/** Stops the services global setup started; the ones given by URL stay up. */
export default async function globalTeardown(): Promise<void> {
  await takeRunningServices()?.stop();
}
