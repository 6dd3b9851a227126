import { EventQueue, mapAsyncIterable, SKIP } from './async-iterables';

describe('EventQueue', () => {
  it('hands values over in order, buffered or awaited', async () => {
    const queue = new EventQueue<number>(() => {});
    queue.push(1);
    const first = queue.next();
    const second = queue.next();
    const third = queue.next();
    queue.push(2);
    queue.push(3);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await second).toEqual({ value: 2, done: false });
    expect(await third).toEqual({ value: 3, done: false });
  });

  it('return() ends a pending next() at once and runs onEnd exactly once', async () => {
    const onEnd = jest.fn();
    const queue = new EventQueue<number>(onEnd);
    const pending = queue.next();
    await queue.return();
    await queue.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onEnd).toHaveBeenCalledTimes(1);
    queue.push(4);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('a consumer too far behind loses the oldest values', async () => {
    const onOverflow = jest.fn();
    const queue = new EventQueue<number>(() => {}, 2, onOverflow);
    for (const value of [1, 2, 3, 4]) queue.push(value);
    expect(onOverflow).toHaveBeenCalledTimes(2);
    expect(await queue.next()).toEqual({ value: 3, done: false });
    expect(await queue.next()).toEqual({ value: 4, done: false });
  });
});

describe('mapAsyncIterable', () => {
  it('maps in order, one at a time, leaving out SKIP', async () => {
    const queue = new EventQueue<number>(() => {});
    const mapped = mapAsyncIterable(queue, async (n) => (n % 2 === 0 ? SKIP : n * 10));
    for (const value of [1, 2, 3]) queue.push(value);
    expect(await mapped.next()).toEqual({ value: 10, done: false });
    expect(await mapped.next()).toEqual({ value: 30, done: false });
  });

  it('return() while waiting for the source stops the source immediately', async () => {
    const onEnd = jest.fn();
    const mapped = mapAsyncIterable(new EventQueue<number>(onEnd), (n) => n);
    const pending = mapped.next();
    await mapped.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('a failing mapping stops the source and rejects', async () => {
    const onEnd = jest.fn();
    const queue = new EventQueue<number>(onEnd);
    const mapped = mapAsyncIterable(queue, () => {
      throw new Error('boom');
    });
    queue.push(1);
    await expect(mapped.next()).rejects.toThrow('boom');
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
