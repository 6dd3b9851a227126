import type { PrismaClient } from '../../generated/prisma/client';
import { recordsById, type RecordLoader } from '../../lib/record-loader';
import type { ReflectionRecord } from '../reflections/types';
import type { SupportMessageRecord } from '../support/types';

/**
 * The matched objects of the kinds no other module loads by id, read only when a result's
 * object is selected (one statement per kind on a page, as the other kinds' loaders). Not
 * visibility-checked: the search statement decided what the viewer may see.
 */
export interface SearchLoaders {
  reflectionsById: RecordLoader<ReflectionRecord>;
  supportMessagesById: RecordLoader<SupportMessageRecord>;
}

export function createSearchLoaders(prisma: PrismaClient): SearchLoaders {
  return {
    reflectionsById: recordsById((ids) => prisma.reflectionMessage.findMany({ where: { id: { in: ids } } })),
    supportMessagesById: recordsById((ids) =>
      prisma.message.findMany({
        where: { id: { in: ids } },
        select: { id: true, sender: true, subject: true, content: true, readAt: true, createdAt: true },
      }),
    ),
  };
}
