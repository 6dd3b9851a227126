import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { connectionFromRows, decodeCursor, encodeCursor, pageSize } from './pagination';

function fieldErrorsOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return { code: (error as GraphQLError).extensions.code, fieldErrors: (error as GraphQLError).extensions.fieldErrors };
  }
  throw new Error('expected a throw');
}

describe('pageSize', () => {
  it('defaults to 20 and accepts 1..100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it.each([0, -1, 101])('rejects %d with a fieldError on the given path', (first) => {
    expect(fieldErrorsOf(() => pageSize(first, ['history', 'first']))).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['history', 'first'], message: 'first must be between 1 and 100', constraint: 'range' }],
    });
  });
});

describe('cursors', () => {
  it('round-trips the parts and is opaque base64url', () => {
    const cursor = encodeCursor(['2025-03-01', '42']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['2025-03-01', '42']);
  });

  it.each(['', 'not a cursor!', Buffer.from('{"a":1}').toString('base64url'), encodeCursor(['only-one']), Buffer.from('[1,2]').toString('base64url')])(
    'rejects %p as BAD_USER_INPUT on ["after"]',
    (after) => {
      expect(fieldErrorsOf(() => decodeCursor(after, 2))).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: ['after'], message: 'after is not a valid cursor', constraint: 'cursor' }],
      });
    },
  );
});

describe('connectionFromRows', () => {
  const cursorOf = (n: number) => encodeCursor([String(n)]);

  it('uses the extra row only for hasNextPage', () => {
    const c = connectionFromRows([1, 2, 3], { first: 2, after: null, totalCount: 7, cursorOf });
    expect(c.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(c.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: cursorOf(1), endCursor: cursorOf(2) });
    expect(c.totalCount).toBe(7);
  });

  it("encodes an edge's cursor only when it is read (page info: the first and the last)", () => {
    const encoded: number[] = [];
    const counting = (n: number) => {
      encoded.push(n);
      return cursorOf(n);
    };
    const c = connectionFromRows([1, 2, 3, 4], { first: 3, after: null, totalCount: 4, cursorOf: counting });
    expect(encoded).toEqual([1, 3]);
    expect(c.edges.map((e) => e.cursor)).toEqual([cursorOf(1), cursorOf(2), cursorOf(3)]);
    expect(encoded).toEqual([1, 3, 1, 2, 3]);
  });

  it('reports an empty last page after a cursor', () => {
    const c = connectionFromRows([], { first: 2, after: 'x', totalCount: 2, cursorOf });
    expect(c.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });
});
