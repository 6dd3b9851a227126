import type { Prisma } from '../../generated/prisma/client';
import { invalidField } from '../../lib/errors';
import { type RequestOrigin, writeAudit } from '../audit/audit-log';
import { limitExceeded } from '../../lib/limits';
import { MAX_SCALE_VERSIONS_PER_DEED } from './limits';
import type { ScaleValueInput } from './scale-inputs';
import { optionalText, trimmedText } from '../../lib/text';
import type { ScaleRecord } from './types';

type Tx = Prisma.TransactionClient;

export interface ScaleValueSpec {
  label: string;
  description: string | null;
}

/**
 * Trimmed values, or BAD_USER_INPUT at the second of two labels that are equal ignoring case
 * (CONTRACT.md section 5). Counts (2–20) and lengths are checked by the input's validators.
 */
export function scaleValueSpecs(values: readonly ScaleValueInput[], path: ReadonlyArray<string | number>): ScaleValueSpec[] {
  const seen = new Set<string>();
  return values.map((value, index) => {
    const label = trimmedText(value.label);
    const key = label.toLowerCase();
    if (seen.has(key)) {
      throw invalidField([...path, index, 'label'], `Duplicate scale value label "${label}"`, 'unique');
    }
    seen.add(key);
    return { label, description: optionalText(value.description) ?? null };
  });
}

/**
 * Adds version max+1 to a deed whose row the caller has locked, activating it when asked
 * (the previous active version is switched off first: one active scale per deed).
 */
export async function insertScaleVersion(
  tx: Tx,
  origin: RequestOrigin,
  actorId: bigint,
  deedId: bigint,
  spec: { name: string | null; values: ScaleValueSpec[]; activate: boolean },
): Promise<{ scale: ScaleRecord; previousActiveScale: ScaleRecord | null }> {
  const { _count, _max } = await tx.scale.aggregate({ where: { deedId }, _count: { _all: true }, _max: { version: true } });
  if (_count._all >= MAX_SCALE_VERSIONS_PER_DEED) {
    throw limitExceeded(`A deed can have at most ${MAX_SCALE_VERSIONS_PER_DEED} scale versions`);
  }
  let previousActiveScale: ScaleRecord | null = null;
  if (spec.activate) {
    const active = await tx.scale.findFirst({ where: { deedId, isActive: true } });
    if (active) previousActiveScale = await tx.scale.update({ where: { id: active.id }, data: { isActive: false } });
  }
  const scale = await tx.scale.create({
    data: {
      deedId,
      version: (_max.version ?? 0) + 1,
      name: spec.name,
      isActive: spec.activate,
      values: { create: spec.values.map((value, index) => ({ ...value, order: index + 1 })) },
    },
  });
  await writeAudit(tx, origin, {
    action: 'CREATED',
    entityType: 'SCALE',
    entityId: scale.id,
    actorId,
    newValues: { deedId, version: scale.version, name: scale.name, isActive: scale.isActive, values: spec.values },
  });
  return { scale, previousActiveScale };
}
