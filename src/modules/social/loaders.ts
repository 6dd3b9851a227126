import DataLoader from 'dataloader';
import type { PrismaClient } from '../../generated/prisma/client';
import type { PermissionRecord, RelationRecord } from './types';

/**
 * Rows of the social domain, one SQL statement per batch, with NO visibility filter: they
 * resolve nested references (a permission's relation, a relation's active grants) of
 * objects the viewer was already allowed to see.
 */
export interface SocialLoaders {
  /** Relations by id, removed ones included (a payload may reference the relation it just ended). */
  relations: DataLoader<bigint, RelationRecord | null>;
  /** Active permission versions of each relation, newest first. */
  activePermissionsByRelation: DataLoader<bigint, PermissionRecord[]>;
}

export function createSocialLoaders(prisma: PrismaClient): SocialLoaders {
  return {
    relations: new DataLoader<bigint, RelationRecord | null>(async (ids) => {
      const rows = await prisma.relation.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    activePermissionsByRelation: new DataLoader<bigint, PermissionRecord[]>(async (ids) => {
      const rows = await prisma.permission.findMany({
        where: { relationId: { in: [...ids] }, isActive: true },
        orderBy: { id: 'desc' },
      });
      const byRelation = new Map<bigint, PermissionRecord[]>();
      for (const row of rows) {
        const list = byRelation.get(row.relationId) ?? [];
        list.push(row);
        byRelation.set(row.relationId, list);
      }
      return ids.map((id) => byRelation.get(id) ?? []);
    }),
  };
}
