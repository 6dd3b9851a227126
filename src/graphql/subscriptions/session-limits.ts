import { GraphQLError } from 'graphql';
import { rateLimited } from '../../lib/errors';

/**
 * What one client may hold open over graphql-ws (issue 11 item 3), per server process. A
 * socket past a connection cap is closed with TOO_MANY_SOCKETS_CLOSE_CODE; a subscribe past
 * the per-socket caps is refused with RATE_LIMITED (`extensions.scope`), the socket stays.
 */
export const MAX_SOCKETS_PER_USER = 10;
export const MAX_SOCKETS_PER_ADDRESS = 50;
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
export const MAX_SUBSCRIBES_PER_MINUTE = 60;

/** graphql-ws' "too many" code; its clients do not retry it at once. */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4429;
export const TOO_MANY_SOCKETS_CLOSE_REASON = 'Too many connections';
/** 4403, like an invalid token at connection_init: the password changed, or the account went. */
export const TOKEN_REVOKED_CLOSE_REASON = 'Token revoked';

const MINUTE_MS = 60_000;

/** Open sockets by key (a user, an address): taken at connection_init, given back on close. */
export class SocketCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  tryTake(key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.max) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  giveBack(key: string): void {
    const left = (this.counts.get(key) ?? 1) - 1;
    if (left > 0) this.counts.set(key, left);
    else this.counts.delete(key);
  }
}

function refusal(scope: string, message: string, retryAfterSeconds: number): GraphQLError {
  const error = rateLimited(retryAfterSeconds, message);
  error.extensions.scope = scope;
  return error;
}

/** One socket's running subscriptions and its recent subscribe messages. */
export class SocketSubscriptions {
  private readonly active = new Set<string>();
  private readonly recent: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts the subscribe, or says why it is refused. */
  admit(id: string): GraphQLError | undefined {
    const now = this.now();
    while (this.recent.length > 0 && this.recent[0]! <= now - MINUTE_MS) this.recent.shift();
    if (this.recent.length >= MAX_SUBSCRIBES_PER_MINUTE) {
      const retryAfter = (this.recent[0]! + MINUTE_MS - now) / 1000;
      return refusal('SUBSCRIBES_PER_MINUTE', `At most ${MAX_SUBSCRIBES_PER_MINUTE} subscribes a minute per socket`, retryAfter);
    }
    this.recent.push(now);
    if (this.active.size >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
      return refusal('SUBSCRIPTIONS_PER_SOCKET', `At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per socket: complete one first`, 1);
    }
    this.active.add(id);
    return undefined;
  }

  complete(id: string): void {
    this.active.delete(id);
  }
}
