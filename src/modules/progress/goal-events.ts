import type { Logger } from '../../lib/logger';
import type { MeritRecord } from './types';

export type MeritCompletedListener = (merit: MeritRecord) => void | Promise<void>;

/**
 * After-commit hook of goal completion: subscriptions publish `meritCompleted` to the owner
 * (CONTRACT.md section 10; targets have no subscription). Whoever completes merits in a
 * transaction (entry writes, goal create/update, the backstop job) calls `meritsCompleted`
 * only after that transaction committed, so listeners never see a completion that could
 * still roll back. A failing listener is logged, never fails the write that succeeded.
 */
export class GoalEvents {
  private readonly listeners: MeritCompletedListener[] = [];

  constructor(private readonly logger: Logger) {}

  onMeritCompleted(listener: MeritCompletedListener): void {
    this.listeners.push(listener);
  }

  async meritsCompleted(merits: readonly MeritRecord[]): Promise<void> {
    for (const merit of merits) {
      await Promise.all(
        this.listeners.map(async (listener) => {
          try {
            await listener(merit);
          } catch (error) {
            this.logger.error({ err: error, meritId: merit.id.toString() }, 'merit completion listener failed');
          }
        }),
      );
    }
  }
}
