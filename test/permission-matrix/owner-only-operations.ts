import { mutation, MISSING_ID, ok, ownerOnly, UNAUTHENTICATED, type Expected, type Operation } from './operations';
import { asOwner, type Actor, type World } from './world';

/**
 * Owner-only data × every actor (CONTRACT.md section 3: reflections, reminders, support
 * messages and audit events are never shared). Reads answer each signed-in actor with their
 * own rows, so everyone but Owner gets an empty answer; by-id mutations on Owner's rows are
 * NOT_FOUND, exactly like a missing id, for grantees as for strangers (`ownerOnly`).
 */

/** Owner's rows of these domains, made by `createOwnerOnlyRows`. */
export interface OwnerOnlyRows {
  reflection: string;
  reminder: string;
  /** A message from support to Owner. */
  supportReply: string;
}

const REFLECTION = { date: '2025-03-01', type: 'GRATITUDE', content: 'Grateful' };

export async function createOwnerOnlyRows(w: World): Promise<OwnerOnlyRows> {
  const reflection = (await asOwner(w, `mutation ($input: WriteReflectionInput!) { writeReflection(input: $input) { reflection { id } } }`, {
    input: REFLECTION,
  })).writeReflection.reflection.id;
  const reminder = (await asOwner(w, `mutation { setReminder(input: { time: "05:30", timezone: "UTC" }) { reminderSetting { id } } }`))
    .setReminder.reminderSetting.id;
  await asOwner(w, `mutation { sendSupportMessage(input: { content: "Help, please" }) { message { id } } }`);
  const reply = await w.app.prisma.message.create({
    data: { userId: w.users.owner.id, sender: 'SUPPORT', content: 'How can we help?' },
  });
  return { reflection, reminder, supportReply: reply.id.toString() };
}

/** Owner gets `owner`, every other signed-in actor `others`; no token is UNAUTHENTICATED. */
function ownOnly(owner: unknown | ((w: World) => unknown), others: unknown): Record<Actor, Expected> {
  return {
    owner: ok(owner),
    reader: ok(others),
    writer: ok(others),
    pending: ok(others),
    rejected: ok(others),
    blocked: ok(others),
    stranger: ok(others),
    anonymous: UNAUTHENTICATED,
  };
}

export function ownerOnlyReads(rows: () => OwnerOnlyRows): Operation[] {
  return [
    {
      name: 'reflections',
      document: `query { result: reflections(dateFrom: "2025-01-01", dateTo: "2025-12-31") { id content } }`,
      variables: () => ({}),
      expect: ownOnly(() => [{ id: rows().reflection, content: 'Grateful' }], []),
    },
    {
      name: 'reminderSetting',
      document: `query { result: reminderSetting { time timezone isActive } }`,
      variables: () => ({}),
      expect: ownOnly({ time: '05:30', timezone: 'UTC', isActive: true }, null),
    },
    {
      name: 'supportMessages',
      document: `query { result: supportMessages(first: 10) { totalCount edges { node { sender content } } } }`,
      variables: () => ({}),
      expect: ownOnly(
        {
          totalCount: 2,
          edges: [{ node: { sender: 'SUPPORT', content: 'How can we help?' } }, { node: { sender: 'USER', content: 'Help, please' } }],
        },
        { totalCount: 0, edges: [] },
      ),
    },
    {
      name: 'auditEvents of reminder settings',
      document: `query { result: auditEvents(filter: { entityType: REMINDER_SETTING }) { totalCount } }`,
      variables: () => ({}),
      expect: ownOnly({ totalCount: 1 }, { totalCount: 0 }),
    },
  ];
}

export function ownerOnlyChanges(rows: () => OwnerOnlyRows): Operation[] {
  return [
    {
      name: 'deleteReflection',
      ...mutation('deleteReflection', 'deletedReflectionId', () => ({ id: rows().reflection }), () => ({ id: MISSING_ID })),
      // Writing the same (date, type) again revives the same row.
      undo: async (w) => {
        await asOwner(w, `mutation ($input: WriteReflectionInput!) { writeReflection(input: $input) { created } }`, { input: REFLECTION });
      },
      expect: ownerOnly(() => ({ deletedReflectionId: rows().reflection })),
    },
    {
      name: 'disableReminder',
      ...mutation('disableReminder', 'reminderSetting { isActive }', () => ({ id: rows().reminder }), () => ({ id: MISSING_ID })),
      undo: async (w) => {
        await asOwner(w, `mutation { setReminder(input: { time: "05:30", timezone: "UTC" }) { reminderSetting { id } } }`);
      },
      expect: ownerOnly({ reminderSetting: { isActive: false } }),
    },
    {
      name: 'markMessageRead',
      ...mutation('markMessageRead', 'message { content }', () => ({ messageId: rows().supportReply }), () => ({ messageId: MISSING_ID })),
      undo: async (w) => {
        await w.app.prisma.message.update({ where: { id: BigInt(rows().supportReply) }, data: { readAt: null } });
      },
      expect: ownerOnly({ message: { content: 'How can we help?' } }),
    },
  ];
}
