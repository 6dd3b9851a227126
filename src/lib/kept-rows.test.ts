import { KeptRows } from './kept-rows';

type Row = { id: bigint; label: string };

/** A fetch over `table` that records the ids it was asked for. */
function fetcher(table: Row[]) {
  const asked: bigint[][] = [];
  const fetch = async (ids: bigint[]) => {
    asked.push(ids);
    return table.filter((row) => ids.includes(row.id));
  };
  return { asked, fetch };
}

const rows = (...ids: number[]): Row[] => ids.map((id) => ({ id: BigInt(id), label: `v${id}` }));
const idsOf = (found: Row[]) => found.map((row) => row.id).sort((a, b) => Number(a - b));

describe('KeptRows', () => {
  test('asks only for the ids it does not hold yet', async () => {
    const kept = new KeptRows<Row>(10);
    const { asked, fetch } = fetcher(rows(1, 2, 3));
    const scope = {};
    expect(idsOf(await kept.read(scope, [1n, 2n], fetch))).toEqual([1n, 2n]);
    expect(idsOf(await kept.read(scope, [2n, 3n, 1n], fetch))).toEqual([1n, 2n, 3n]);
    expect(await kept.read(scope, [3n], fetch)).toHaveLength(1);
    expect(asked).toEqual([[1n, 2n], [3n]]);
  });

  test('a missing id is not kept: it is asked for again, as it may exist later', async () => {
    const kept = new KeptRows<Row>(10);
    const { asked, fetch } = fetcher(rows(1));
    const scope = {};
    expect(await kept.read(scope, [9n], fetch)).toEqual([]);
    expect(await kept.read(scope, [9n], fetch)).toEqual([]);
    expect(asked).toEqual([[9n], [9n]]);
  });

  test('scopes never share rows: the same id in two databases', async () => {
    const kept = new KeptRows<Row>(10);
    const first = fetcher([{ id: 1n, label: 'first' }]);
    const second = fetcher([{ id: 1n, label: 'second' }]);
    const [a, b] = [{}, {}];
    expect((await kept.read(a, [1n], first.fetch))[0]!.label).toBe('first');
    expect((await kept.read(b, [1n], second.fetch))[0]!.label).toBe('second');
    expect((await kept.read(a, [1n], second.fetch))[0]!.label).toBe('first');
  });

  test('holds at most max rows, dropping the least recently read', async () => {
    const kept = new KeptRows<Row>(2);
    const { asked, fetch } = fetcher(rows(1, 2, 3));
    const scope = {};
    await kept.read(scope, [1n, 2n], fetch);
    await kept.read(scope, [1n], fetch);
    await kept.read(scope, [3n], fetch);
    await kept.read(scope, [1n, 2n], fetch);
    expect(asked).toEqual([[1n, 2n], [3n], [2n]]);
  });

  test('shared rows are frozen: one request cannot change what the next one reads', async () => {
    const kept = new KeptRows<Row>(10);
    const { fetch } = fetcher(rows(1));
    const scope = {};
    const [row] = await kept.read(scope, [1n], fetch);
    expect(() => {
      (row as Row).label = 'changed';
    }).toThrow(TypeError);
    expect((await kept.read(scope, [1n], fetch))[0]!.label).toBe('v1');
  });

  test('a failed fetch keeps nothing and reaches the caller', async () => {
    const kept = new KeptRows<Row>(10);
    const scope = {};
    await expect(kept.read(scope, [1n], async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    const { asked, fetch } = fetcher(rows(1));
    await kept.read(scope, [1n], fetch);
    expect(asked).toEqual([[1n]]);
  });

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses max %p', (max) => {
    expect(() => new KeptRows<Row>(max)).toThrow(RangeError);
  });
});
