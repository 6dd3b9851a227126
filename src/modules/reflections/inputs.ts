import { ArgsType, Field, InputType } from 'type-graphql';
import { BigIntID } from '../../lib/id';
import { DateScalar, type LocalDate } from '../../lib/scalars';
import { TrimmedLength } from '../../lib/validators';
import { ReflectionType } from './enums';

/** CONTRACT.md section 8: reflection content. */
export const MAX_REFLECTION_LENGTH = 10_000;

@InputType('WriteReflectionInput', { description: 'Input for writeReflection: upsert on (date, type).' })
export class WriteReflectionInput {
  @Field(() => DateScalar, { description: "Day reflected on; not in the future (viewer's timezone)." })
  date!: LocalDate;

  @Field(() => ReflectionType, { description: 'Kind of reflection.' })
  type!: ReflectionType;

  @Field(() => String, { description: 'Text (1–10000).' })
  @TrimmedLength(1, MAX_REFLECTION_LENGTH)
  content!: string;
}

@InputType('DeleteReflectionInput', { description: 'Input for deleteReflection.' })
export class DeleteReflectionInput {
  @Field(() => BigIntID, { description: 'Reflection id.' })
  id!: bigint;
}

/** Arguments of `reflections` (an args class keeps them in the contract's order). */
@ArgsType()
export class ReflectionsArgs {
  @Field(() => DateScalar, { description: 'First date, inclusive.' })
  dateFrom!: LocalDate;

  @Field(() => DateScalar, { description: 'Last date, inclusive.' })
  dateTo!: LocalDate;

  @Field(() => ReflectionType, { nullable: true, description: 'Only this type.' })
  type?: ReflectionType | null;
}
