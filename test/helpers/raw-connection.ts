import net from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * One keep-alive HTTP/1.1 connection driven by hand: the test decides when it opens, when it
 * sends and on which connection (fetch's pool decides that itself). Answers are read by their
 * Content-Length, which every answer of this server carries.
 */
export class RawConnection {
  private buffered = Buffer.alloc(0);
  private readonly answers: RawResponse[] = [];
  private readonly waiters: Array<(response: RawResponse) => void> = [];
  private closedFlag = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.parseAnswers();
    });
    socket.on('close', () => (this.closedFlag = true));
    socket.on('error', () => undefined);
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: hostname, port: Number(port) }, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Answers received and not yet taken by `response()`. */
  get answered(): number {
    return this.answers.length;
  }

  /** Sends a GraphQL POST to `path`. */
  post(path: string, payload: unknown, headers: Record<string, string> = {}): void {
    const body = Buffer.from(JSON.stringify(payload));
    const lines = [`POST ${path} HTTP/1.1`, 'host: localhost', 'content-type: application/json', `content-length: ${body.length}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    this.socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body]));
  }

  /** The next answer on this connection. */
  response(): Promise<RawResponse> {
    const ready = this.answers.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.socket.destroy();
  }

  private parseAnswers(): void {
    for (;;) {
      const headEnd = this.buffered.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const [statusLine, ...headerLines] = this.buffered.subarray(0, headEnd).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (this.buffered.length < headEnd + 4 + length) return;
      const body = this.buffered.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
      this.buffered = this.buffered.subarray(headEnd + 4 + length);
      const answer = { status: Number(statusLine!.split(' ')[1]), headers, body };
      const waiter = this.waiters.shift();
      if (waiter) waiter(answer);
      else this.answers.push(answer);
    }
  }
}
