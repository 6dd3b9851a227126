import { preparedStatementName } from '../../db/prepared-statements';
import { searchStatement } from './search-sql';

describe('searchStatement', () => {
  it('is prepared, with one text per variant: values are parameters', () => {
    const text = (ownerId: bigint, query: string, first: number) =>
      searchStatement({ ownerId, grantedItemIds: null, kinds: ['ENTRY'], text: query, fuzzyTerm: null, first, after: null }).text;
    const name = preparedStatementName({ sql: text(1n, 'day', 20), args: [], argTypes: [] });
    expect(name).toBeDefined();
    expect(preparedStatementName({ sql: text(2n, 'family', 50), args: [], argTypes: [] })).toBe(name);
  });
});
