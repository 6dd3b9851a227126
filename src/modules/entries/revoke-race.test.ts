import { Client } from 'pg';
import { createCountDeed, grant, utcDate } from '../../../test/fixtures/entries';
import { errorCode, startTestApp, type TestApp } from '../../../test/helpers/test-app';
import { waitFor } from '../../../test/helpers/wait-for';
import { lockWaiters } from '../../../test/helpers/pg-client';

/**
 * Issue 11 item 7: a WRITE grantee's entry write confirms the grant inside its transaction,
 * so a revoke that commits first wins even when the write's own check ran before it.
 */
describe('an entry write racing a revoke', () => {
  let app: TestApp;
  let revoker: Client;

  beforeAll(async () => {
    app = await startTestApp();
    revoker = new Client({ connectionString: app.database.url });
    await revoker.connect();
  });
  afterAll(async () => {
    await revoker.end();
    await app.stop();
  });

  const RECORD = 'mutation ($input: RecordEntryInput!) { recordEntry(input: $input) { outcome } }';

  it('waits for an uncommitted revoke and fails once it commits: NOT_FOUND, nothing written', async () => {
    const owner = await app.createUser();
    const grantee = await app.createUser();
    const { itemId } = await createCountDeed(app, owner);
    await grant(app, owner, grantee, itemId, 'WRITE');

    await revoker.query('BEGIN');
    await revoker.query('UPDATE permissions SET is_active = false, revoked_at = now() WHERE deed_item_id = $1', [itemId.toString()]);
    const write = app.gql(RECORD, { input: { deedItemId: itemId.toString(), entryDate: utcDate(0), count: '2' } }, { token: grantee.token });
    await waitFor('the write waiting for the revoke', async () => (await lockWaiters(revoker)) > 0);
    await revoker.query('COMMIT');

    expect(errorCode(await write)).toBe('NOT_FOUND');
    expect(await app.prisma.entry.count({ where: { deedItemId: itemId } })).toBe(0);
  });

  it('still writes with the grant in place, and the owner needs none', async () => {
    const owner = await app.createUser();
    const grantee = await app.createUser();
    const { itemId } = await createCountDeed(app, owner);
    await grant(app, owner, grantee, itemId, 'WRITE');
    const input = { deedItemId: itemId.toString(), entryDate: utcDate(0), count: '2' };
    expect((await app.gql(RECORD, { input }, { token: grantee.token })).data).toEqual({ recordEntry: { outcome: 'CREATED' } });
    expect((await app.gql(RECORD, { input: { ...input, count: '3' } }, { token: owner.token })).data).toEqual({
      recordEntry: { outcome: 'UPDATED' },
    });
  });
});
