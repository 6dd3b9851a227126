import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionParkingOptions {
  /** Requests read and waiting for a turn now (the admission queue's length). */
  readonly waiting: () => number;
  /** Waiting requests at which connections start to be parked. */
  readonly parkAt: number;
  /** Read-and-waiting plus parked connections past which none is parked, so that a new request is read and can be refused. */
  readonly maxWaiting: number;
}

/**
 * node:http's own read pause, the one it uses when a client sends faster than it reads the
 * answers: a plain `pause()` can be undone by node:http itself (an unread request body dumped
 * after its answer resumes the connection, and so does a resume its own 'data' listener has
 * scheduled), while this flag is checked on each of those paths (Node 20 and 24 alike).
 */
interface HttpServerSocket extends Socket {
  _paused?: boolean;
  parser?: { resume(): void } | null;
}

/**
 * Connections parked while requests crowd the admission queue. Each request node:http has
 * read holds its IncomingMessage, ServerResponse, headers and parser state (~12 KB): with
 * thousands of keep-alive clients asking again as soon as they are answered, the waiting ones
 * were most of the server's memory at 5,000 connections. While `parkAt` requests wait, a
 * connection whose GraphQL answer has just gone out is not read from: its next request waits,
 * unread, in the kernel's socket buffer. Each request that leaves the queue wakes the
 * connection parked longest ago, so order is kept and nothing waits forever. New connections
 * are always read: their first request may be a probe or a scrape, which must not wait.
 *
 * A woken connection counts as a request on its way until it sends one or the event loop has
 * gone round once (data already in the kernel is read in that round): an idle client then
 * stops counting, and the next parked connection is woken in its place. A client that closes
 * a parked connection is only seen doing so when the connection is woken and read.
 */
export class ConnectionParking {
  /** Parked connections, in the order they were parked, with their 'close' listener. */
  private readonly parked = new Map<Socket, () => void>();
  /** Woken this round of the event loop, their request not read yet. */
  private readonly woken = new Set<Socket>();
  private roundEnd: NodeJS.Immediate | undefined;
  private released = false;

  constructor(
    private readonly server: Server,
    private readonly options: ConnectionParkingOptions,
  ) {}

  /** Connections parked now. */
  get size(): number {
    return this.parked.size;
  }

  /** A request was read from `socket`. */
  arrived(socket: Socket): void {
    this.woken.delete(socket);
  }

  /** The answer on `socket` went out: while crowded, its next request waits unread. */
  answered(socket: Socket): void {
    if (!socket.destroyed) this.parkIfCrowded(socket);
  }

  /** A request left the queue: wake parked connections while the queue is short. */
  wake(): void {
    for (const socket of this.parked.keys()) {
      if (this.crowded()) break;
      this.unpark(socket);
      // The keep-alive timer node:http set when the answer went out (resOnFinish), stopped while parked.
      socket.setTimeout(this.server.keepAliveTimeout);
      // As node:http resumes a connection it paused itself (socketOnDrain).
      const httpSocket = socket as HttpServerSocket;
      httpSocket._paused = false;
      httpSocket.parser?.resume();
      socket.resume();
      this.woken.add(socket);
    }
    if (this.woken.size > 0) this.roundEnd ??= setImmediate(() => this.endRound());
  }

  /**
   * Shutdown: park nothing more and wake every parked connection, then let the event loop go
   * round twice so that the requests already sent on them are read (the drain that follows
   * closes connections with no request in progress, and would drop those unread).
   */
  async release(): Promise<void> {
    this.released = true;
    this.wake();
    for (let round = 0; round < 2; round += 1) await new Promise((resolve) => setImmediate(resolve));
  }

  private crowded(): boolean {
    return !this.released && this.options.waiting() + this.woken.size >= this.options.parkAt;
  }

  private parkIfCrowded(socket: Socket): void {
    if (!this.crowded() || this.options.waiting() + this.parked.size >= this.options.maxWaiting) return;
    const httpSocket = socket as HttpServerSocket;
    if (httpSocket._paused) return;
    if (socket.writableNeedDrain) {
      // node:http un-pauses a connection when its answer has drained: park it after that.
      socket.once('drain', () => this.parkIfCrowded(socket));
      return;
    }
    httpSocket._paused = true;
    socket.pause();
    // No timer while parked: the keep-alive timer would close a connection whose request is
    // waiting unread in the kernel.
    socket.setTimeout(0);
    const onClose = () => this.unpark(socket);
    this.parked.set(socket, onClose);
    socket.once('close', onClose);
  }

  private unpark(socket: Socket): void {
    const onClose = this.parked.get(socket);
    if (!onClose) return;
    this.parked.delete(socket);
    socket.off('close', onClose);
  }

  private endRound(): void {
    this.roundEnd = undefined;
    this.woken.clear();
    this.wake();
  }
}
