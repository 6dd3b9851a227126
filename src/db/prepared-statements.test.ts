import { PREPARED, preparedStatementName } from './prepared-statements';

const query = (sql: string) => ({ sql, args: [], argTypes: [] });

describe('preparedStatementName', () => {
  it('leaves statements unnamed unless marked', () => {
    expect(preparedStatementName(query('SELECT 1'))).toBeUndefined();
    expect(preparedStatementName(query(`SELECT 1 ${PREPARED}`))).toBeUndefined();
  });

  it('names a marked text by its hash: one name per text', () => {
    const one = preparedStatementName(query(`${PREPARED} SELECT 1`));
    expect(one).toMatch(/^kitaab_[0-9a-f]{32}$/);
    expect(preparedStatementName(query(`${PREPARED} SELECT 1`))).toBe(one);
    expect(preparedStatementName(query(`${PREPARED} SELECT 2`))).not.toBe(one);
  });
});
