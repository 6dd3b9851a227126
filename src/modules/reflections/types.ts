import { Field } from 'type-graphql';
import type { ReflectionMessage } from '../../generated/prisma/client';
import { BigIntID } from '../../lib/id';
import { DateScalar, DateTimeScalar } from '../../lib/scalars';
import { ReflectionType } from './enums';
import { ApiObjectType } from '../../lib/api-object-type';

export type ReflectionRecord = ReflectionMessage;

@ApiObjectType('Reflection', { description: 'A daily reflection; unique per (user, date, type).' })
export class Reflection {
  @Field(() => BigIntID, { description: 'Reflection id.' })
  id!: bigint;

  /** The DATE column, read by Prisma as UTC midnight of that day. */
  @Field(() => DateScalar, { description: "Day reflected on (user's timezone)." })
  date!: Date;

  @Field(() => ReflectionType, { description: 'Kind of reflection.' })
  type!: ReflectionType;

  @Field(() => String, { description: 'Reflection text.' })
  content!: string;

  @Field(() => DateTimeScalar, { description: 'When first written.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When last edited.' })
  updatedAt!: Date;
}

export function reflectionFromRecord(record: ReflectionRecord): Reflection {
  return {
    id: record.id,
    date: record.reflectionDate,
    type: record.type,
    content: record.content,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

@ApiObjectType('WriteReflectionPayload', { description: 'Result of writeReflection.' })
export class WriteReflectionPayload {
  @Field(() => Reflection, { description: 'The reflection.' })
  reflection!: Reflection;

  @Field(() => Boolean, { description: 'True if created, false if an existing one was replaced.' })
  created!: boolean;
}

@ApiObjectType('DeleteReflectionPayload', { description: 'Result of deleteReflection.' })
export class DeleteReflectionPayload {
  @Field(() => BigIntID, { description: 'Id of the soft-deleted reflection (evict from caches).' })
  deletedReflectionId!: bigint;
}
