import { createBoundedQueue, createKeyedQueues } from './bounded-queue';

class QueueFull extends Error {}
const refusal = () => new QueueFull('full');
const createQueue = (options: { concurrency: number; maxQueued: number }) => createBoundedQueue(options, refusal);

/** A task that finishes when told to, so the test decides what is running. */
function gate<T>(value: T) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { task: async () => (await opened, value), open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a bounded queue', () => {
  test('runs at most `concurrency` tasks at once, the rest in arrival order', async () => {
    const queue = createQueue({ concurrency: 2, maxQueued: 10 });
    const gates = [0, 1, 2, 3].map((n) => gate(n));
    const started: number[] = [];
    const results = gates.map((g, n) => queue.run(() => (started.push(n), g.task())));
    await tick();
    expect(started).toEqual([0, 1]);
    expect({ running: queue.running, queued: queue.queued }).toEqual({ running: 2, queued: 2 });
    gates[1]!.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect({ running: queue.running, queued: queue.queued }).toEqual({ running: 0, queued: 0 });
  });

  test('refuses at once past `maxQueued` waiting, and takes work again when there is room', async () => {
    const queue = createQueue({ concurrency: 1, maxQueued: 1 });
    const running = gate('first');
    const first = queue.run(running.task);
    const second = queue.run(async () => 'second');
    await tick();
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(QueueFull);
    running.open();
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    await expect(queue.run(async () => 'fourth')).resolves.toBe('fourth');
  });

  test('work waiting elsewhere counts against `maxQueued`', async () => {
    let elsewhere = 1;
    const queue = createBoundedQueue({ concurrency: 1, maxQueued: 2, waitingElsewhere: () => elsewhere }, refusal);
    const running = gate('first');
    const first = queue.run(running.task);
    const second = queue.run(async () => 'second');
    await tick();
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(QueueFull);
    elsewhere = 0;
    const third = queue.run(async () => 'third');
    running.open();
    expect(await Promise.all([first, second, third])).toEqual(['first', 'second', 'third']);
  });

  test('a failing task frees its slot and its error reaches only its caller', async () => {
    const queue = createQueue({ concurrency: 1, maxQueued: 5 });
    const failing = queue.run(async () => {
      throw new Error('argon2 refused');
    });
    const next = queue.run(async () => 'next');
    await expect(failing).rejects.toThrow('argon2 refused');
    await expect(next).resolves.toBe('next');
    expect(queue.running).toBe(0);
  });

  test.each([
    [{ concurrency: 0, maxQueued: 1 }],
    [{ concurrency: 1.5, maxQueued: 1 }],
    [{ concurrency: 10_001, maxQueued: 1 }],
    [{ concurrency: 1, maxQueued: -1 }],
    [{ concurrency: 1, maxQueued: Number.NaN }],
  ])('refuses bounds %j when it is made', (options) => {
    expect(() => createQueue(options)).toThrow(RangeError);
    expect(() => createKeyedQueues(options, refusal)).toThrow(RangeError);
  });
});

describe('keyed queues', () => {
  test('bound each key on its own, and forget a key once its work is done', async () => {
    const queues = createKeyedQueues<string>({ concurrency: 1, maxQueued: 0 }, refusal);
    const alice = gate('alice');
    const aliceFirst = queues.run('alice', alice.task);
    await tick();
    await expect(queues.run('alice', async () => 'again')).rejects.toBeInstanceOf(QueueFull);
    await expect(queues.run('bob', async () => 'bob')).resolves.toBe('bob');
    expect(queues.size).toBe(1);
    alice.open();
    await expect(aliceFirst).resolves.toBe('alice');
    expect(queues.size).toBe(0);
    await expect(queues.run('alice', async () => 'later')).resolves.toBe('later');
  });

  test('a refused task does not drop the key of the task still running', async () => {
    const queues = createKeyedQueues<number>({ concurrency: 1, maxQueued: 0 }, refusal);
    const running = gate('running');
    const first = queues.run(1, running.task);
    await tick();
    await expect(queues.run(1, async () => 'refused')).rejects.toBeInstanceOf(QueueFull);
    expect(queues.size).toBe(1);
    await expect(queues.run(1, async () => 'refused too')).rejects.toBeInstanceOf(QueueFull);
    running.open();
    await first;
    expect(queues.size).toBe(0);
  });
});

