import { StatementCounter } from '../../../test/helpers/sql-statements';
import { startTestApp, type TestApp, type TestUser } from '../../../test/helpers/test-app';
import { createCountTree, createScaleTree, recordEntries, type CountTree, type ScaleTree } from '../../../test/fixtures/progress';

/**
 * Live progress costs a bounded number of SQL statements per request, whatever the number of
 * goals: items come from one batched statement and the progress of every item of every goal
 * from one aggregate statement. Counted at the database (pg_stat_statements).
 */

let app: TestApp;
let small: TestUser;
let large: TestUser;
let counter: StatementCounter;

const NESTED = /* GraphQL */ `
  query {
    merits {
      id name status endDate completedAt
      deed { id name }
      items { id required deedItem { id name } scaleValue { id label } merit { id } progress { achieved percent complete } }
      progress { complete completedItemCount itemCount percent }
    }
    targets {
      id name status
      items { id required deedItem { id } scaleValue { id } target { id } progress { achieved percent complete } }
      progress { complete percent }
    }
  }`;

async function seed(user: TestUser, goals: number): Promise<void> {
  const quran: CountTree = await createCountTree(app, user);
  const salah: ScaleTree = await createScaleTree(app, user);
  await recordEntries(app, user, [
    { item: quran.child, date: '2025-01-02', count: '2' },
    { item: quran.grandchild, date: '2025-01-03', count: '1' },
    { item: salah.child, date: '2025-01-02', scaleValue: salah.values.onTime },
  ]);
  // Goals written directly: creating them is tested elsewhere, this file measures reading them.
  const start = new Date('2025-01-01T00:00:00Z');
  for (let i = 0; i < goals; i += 1) {
    await app.prisma.merit.create({
      data: {
        userId: user.id,
        deedId: i % 2 ? quran.deedId : salah.deedId,
        name: `m${i}`,
        startDate: start,
        durationDays: 30,
        items: {
          create:
            i % 2
              ? [{ deedItemId: quran.root, required: 10 }, { deedItemId: quran.sibling, required: 1 }]
              : [{ deedItemId: salah.root, scaleValueId: salah.values.onTime, required: 3 }],
        },
      },
    });
    await app.prisma.target.create({
      data: {
        userId: user.id,
        name: `t${i}`,
        startDate: start,
        endDate: new Date('2025-01-31T00:00:00Z'),
        items: {
          create: [
            { deedItemId: quran.child, required: 5 },
            { deedItemId: salah.root, scaleValueId: salah.values.onTime, required: 1 },
          ],
        },
      },
    });
  }
}

beforeAll(async () => {
  app = await startTestApp();
  small = await app.createUser();
  large = await app.createUser();
  await seed(small, 10);
  await seed(large, 50);
  counter = await StatementCounter.connect(app.database.url);
});

afterAll(async () => {
  await counter?.close();
  await app.stop();
});

async function statementsFor(user: TestUser, goals: number): Promise<number> {
  const { count, statements } = await counter.capture(async () => {
    const res = await app.gql(NESTED, {}, { token: user.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.merits).toHaveLength(goals);
    expect(res.data!.targets).toHaveLength(goals);
    // Spot checks that progress was really computed: 2 + 1 of 10 under Quran's root, 1 of 3 on time.
    const countMerit = res.data!.merits.find((m: any) => m.name === 'm1');
    expect(countMerit.items[0].progress).toEqual({ achieved: '3.00', percent: 30, complete: false });
    const scaleMerit = res.data!.merits.find((m: any) => m.name === 'm0');
    expect(scaleMerit.progress).toEqual({ complete: false, completedItemCount: 0, itemCount: 1, percent: 33.33 });
  });
  if (process.env.SHOW_SQL) console.log(statements.join('\n---\n'));
  return count;
}

describe('SQL statements of merits and targets with items and progress', () => {
  it('are the same for 10 and 50 goals of each kind', async () => {
    const ten = await statementsFor(small, 10);
    const fifty = await statementsFor(large, 50);
    expect(fifty).toBe(ten);
    // Token check, merits, targets, the two item lists, deeds, scale values, and per root list
    // (merits and targets resolve in different ticks) one progress aggregate and one batch of
    // deed items: a dozen at most, never a statement per goal.
    expect(ten).toBeLessThanOrEqual(12);
  });
});
