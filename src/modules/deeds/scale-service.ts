import type { PrismaClient } from '../../generated/prisma/client';
import { conflict, invalidField, notFound } from '../../lib/errors';
import { writeAudit } from '../audit/audit-log';
import type { AfterWrite } from '../after-write';
import type { Actor } from '../context-types';
import type { CreateScaleInput } from './scale-inputs';
import { insertScaleVersion, scaleValueSpecs } from './scale-versions';
import { lockDeed } from './tree-writes';
import type { DeedRecord, ScaleRecord } from './types';

/** What scale mutations return (CreateScalePayload, SetActiveScalePayload). */
export interface ScaleChange {
  scale: ScaleRecord;
  previousActiveScale: ScaleRecord | null;
  deed: DeedRecord;
}

/**
 * Versioned scales of SCALE deeds: immutable versions, at most one active per deed, never
 * deleted. Visible to whoever can see the deed; changed by its owner alone.
 */
export class ScaleService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly afterWrite: AfterWrite,
  ) {}

  /** Versions of a readable deed, newest first; NOT_FOUND otherwise. */
  async list(actor: Actor, deedId: bigint): Promise<ScaleRecord[]> {
    await actor.authority.requireReadableDeed(deedId);
    return actor.loaders.scalesByDeed.load(deedId);
  }

  async create(actor: Actor, input: CreateScaleInput): Promise<ScaleChange> {
    await actor.authority.requireOwnedDeed(input.deedId);
    const values = scaleValueSpecs(input.values, ['input', 'values']);
    const change = await this.prisma.$transaction(async (tx) => {
      const deed = await lockDeed(tx, input.deedId);
      if (!deed) throw notFound('Deed');
      if (deed.measureType !== 'SCALE') {
        throw invalidField(['input', 'deedId'], 'Only SCALE deeds have scales', 'measureType');
      }
      if (deed.deletedAt) throw conflict('The deed is deleted; restore it first');
      const name = input.name?.trim() || null;
      const { scale, previousActiveScale } = await insertScaleVersion(tx, actor.origin, actor.viewerId, deed.id, {
        name,
        values,
        activate: input.activate ?? true,
      });
      return { scale, previousActiveScale, deed };
    });
    await this.afterWrite.forget(actor, { deeds: true });
    return change;
  }

  /** Idempotent: activating the active version changes nothing (previousActiveScale null). */
  async setActive(actor: Actor, scaleId: bigint): Promise<ScaleChange> {
    const found = await actor.loaders.scales.load(scaleId);
    // A scale is as visible as its deed; its id must not reveal more than a missing one.
    if (!found || !(await actor.authority.deedAccess(found.deedId))) throw notFound('Scale');
    await actor.authority.requireOwnedDeed(found.deedId);
    const change = await this.prisma.$transaction(async (tx) => {
      const deed = await lockDeed(tx, found.deedId);
      if (!deed) throw notFound('Scale');
      if (deed.deletedAt) throw conflict('The deed is deleted; restore it first');
      const scale = await tx.scale.findUniqueOrThrow({ where: { id: scaleId } });
      if (scale.isActive) return { scale, previousActiveScale: null, deed };
      const active = await tx.scale.findFirst({ where: { deedId: deed.id, isActive: true } });
      const previousActiveScale = active ? await tx.scale.update({ where: { id: active.id }, data: { isActive: false } }) : null;
      const activated = await tx.scale.update({ where: { id: scaleId }, data: { isActive: true } });
      await writeAudit(tx, actor.origin, {
        action: 'UPDATED',
        entityType: 'SCALE',
        entityId: scaleId,
        actorId: actor.viewerId,
        oldValues: { isActive: false, previousActiveScaleId: active?.id ?? null },
        newValues: { isActive: true },
      });
      return { scale: activated, previousActiveScale, deed };
    });
    await this.afterWrite.forget(actor, { deeds: true });
    return change;
  }
}
