import pino from 'pino';
import { keepBusy } from '../../test/helpers/busy';
import { RedisBreaker } from './redis-breaker';

describe('RedisBreaker while this process is overloaded', () => {
  it('waits for a reply that comes late because the process itself ran late, and stays closed', async () => {
    const breaker = new RedisBreaker(pino({ level: 'silent' }), { timeoutMs: 100 });
    // Redis answers 50 ms after the process is back from 200 ms of work: its 100 ms timer fired
    // 100 ms late, so the command is given more time instead of failing.
    const answers = Array.from({ length: 3 }, () =>
      breaker.run(() => new Promise<string>((resolve) => setTimeout(() => resolve('PONG'), 250))),
    );
    keepBusy(200);
    await expect(Promise.all(answers)).resolves.toEqual(['PONG', 'PONG', 'PONG']);
    expect(breaker.state).toBe('closed');
  });

  it('still fails a command that gets no answer at all', async () => {
    const breaker = new RedisBreaker(pino({ level: 'silent' }), { timeoutMs: 100 });
    const silent = breaker.run(() => new Promise<string>(() => undefined));
    keepBusy(200);
    await expect(silent).rejects.toThrow('Redis unavailable');
  });

  it('waits while Redis answers other commands: the queue is this process, not Redis', async () => {
    const breaker = new RedisBreaker(pino({ level: 'silent' }), { timeoutMs: 50 });
    // One slow reply (450 ms, nine timeouts) while other commands keep being answered every 20 ms.
    const slow = breaker.run(() => new Promise<string>((resolve) => setTimeout(() => resolve('LATE'), 450)));
    const others: Array<Promise<string>> = [];
    for (let i = 1; i <= 22; i += 1) {
      others.push(breaker.run(() => new Promise<string>((resolve) => setTimeout(() => resolve('OK'), 20 * i))));
    }
    await expect(slow).resolves.toBe('LATE');
    await expect(Promise.all(others)).resolves.toHaveLength(22);
    expect(breaker.state).toBe('closed');
  });

  it('fails a command once Redis stops answering anything', async () => {
    const breaker = new RedisBreaker(pino({ level: 'silent' }), { timeoutMs: 50 });
    // One answer after 30 ms, then none: the command waits one more round, then times out.
    const answered = breaker.run(() => new Promise<string>((resolve) => setTimeout(() => resolve('OK'), 30)));
    const started = performance.now();
    const silent = breaker.run(() => new Promise<string>(() => undefined));
    await expect(answered).resolves.toBe('OK');
    await expect(silent).rejects.toThrow('Redis unavailable');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
