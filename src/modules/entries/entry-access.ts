import { forbidden, notFound } from '../../lib/errors';
import type { ItemAccess, PermissionAuthority } from '../access/authority';
import type { EntryRecord } from './types';

/**
 * Entry visibility, built only on the authority's item answer: an entry is visible to
 * whoever can read its deed item, except that a soft-deleted entry is visible to its owner
 * alone (CONTRACT.md section 4). Invisible behaves exactly like a missing id.
 */

type EntryRef = Pick<EntryRecord, 'deedItemId' | 'deletedAt'>;

export async function entryAccess(authority: PermissionAuthority, entry: EntryRef | null): Promise<ItemAccess | null> {
  if (!entry) return null;
  const access = await authority.itemAccess(entry.deedItemId);
  if (!access) return null;
  if (entry.deletedAt && access.access !== 'OWNER') return null;
  return access;
}

export async function requireVisibleEntry(authority: PermissionAuthority, entry: EntryRef | null): Promise<ItemAccess> {
  const access = await entryAccess(authority, entry);
  if (!access) throw notFound('Entry');
  return access;
}

/** Owner or WRITE grantee; a READ grantee sees the entry but may not change it. */
export async function requireEntryWriter(authority: PermissionAuthority, entry: EntryRef | null): Promise<ItemAccess> {
  const access = await requireVisibleEntry(authority, entry);
  if (access.access === 'READ') throw forbidden('READ access does not allow writing entries');
  return access;
}
