import pino from 'pino';
import { createCountTree, createMerit, createTarget, meritById, targetById } from '../../test/fixtures/progress';
import { GoalEvents } from '../modules/progress/goal-events';
import type { MeritRecord } from '../modules/progress/types';
import { startTestApp, type TestApp, type TestUser } from '../../test/helpers/test-app';
import { ProgressBackstopJob } from './progress-backstop';

/**
 * The hourly backstop completes goals no entry write completed: here entries written straight
 * into the table (as a restore or an import would) inside an already expired window.
 */

const silent = pino({ level: 'silent' });

let app: TestApp;
let owner: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  owner = await app.createUser();
});

afterAll(() => app.stop());

it('completes active goals whose backfilled entries complete them, once, audited as the system; announces merits', async () => {
  const tree = await createCountTree(app, owner);
  const common = { startDate: '2024-01-01' };
  const merit = await createMerit(app, owner, { ...common, deedId: String(tree.deedId), name: 'Expired', durationDays: 7, items: [{ deedItemId: String(tree.root), required: '3' }] });
  const paused = await createMerit(app, owner, { ...common, deedId: String(tree.deedId), name: 'Paused', durationDays: 7, items: [{ deedItemId: String(tree.root), required: '3' }] });
  await app.prisma.merit.update({ where: { id: BigInt(paused.id) }, data: { isActive: false } });
  const target = await createTarget(app, owner, { ...common, name: 'Range', endDate: '2024-01-07', items: [{ deedItemId: String(tree.child), required: '3' }] });
  const unreached = await createTarget(app, owner, { ...common, name: 'Unreached', endDate: '2024-01-07', items: [{ deedItemId: String(tree.sibling), required: '3' }] });
  expect([merit.status, target.status]).toEqual(['EXPIRED', 'EXPIRED']);

  await app.prisma.entry.create({
    data: { userId: owner.id, createdByUserId: owner.id, deedItemId: tree.grandchild, entryDate: new Date('2024-01-05'), count: 3 },
  });

  const announced: MeritRecord[] = [];
  const goalEvents = new GoalEvents(silent);
  goalEvents.onMeritCompleted((m) => void announced.push(m));
  const job = new ProgressBackstopJob({ prisma: app.prisma, goalEvents, logger: silent, batchSize: 1 });

  const first = await job.runOnce();
  expect(first).toMatchObject({ completedMerits: 1, completedTargets: 1 });
  expect(first.checked).toBeGreaterThanOrEqual(3);
  expect(announced.map((m) => m.id)).toEqual([BigInt(merit.id)]);
  expect(await meritById(app, owner, merit.id)).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
  expect(await targetById(app, owner, target.id)).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
  expect(await meritById(app, owner, paused.id)).toMatchObject({ status: 'PAUSED', completedAt: null });
  expect(await targetById(app, owner, unreached.id)).toMatchObject({ status: 'EXPIRED', completedAt: null });
  const audits = await app.prisma.auditLog.findMany({ where: { action: 'COMPLETED' }, orderBy: { id: 'asc' } });
  expect(audits.map((a) => [a.entityType, a.entityId, a.userId, a.subjectUserId])).toEqual([
    ['MERIT', BigInt(merit.id), null, owner.id],
    ['TARGET', BigInt(target.id), null, owner.id],
  ]);

  const second = await job.runOnce();
  expect(second).toMatchObject({ completedMerits: 0, completedTargets: 0 });
  expect(announced).toHaveLength(1);
  expect(await app.prisma.auditLog.count({ where: { action: 'COMPLETED' } })).toBe(2);
});
