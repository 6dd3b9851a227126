import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../lib/scalars';
import { AuditAction, AuditEntityType } from './enums';

@InputType('AuditEventFilter', { description: 'Filter for audit events.' })
export class AuditEventFilter {
  @Field(() => [AuditAction], { nullable: true, description: 'Only these actions.' })
  actions?: AuditAction[] | null;

  @Field(() => AuditEntityType, { nullable: true, description: 'Only this kind of record.' })
  entityType?: AuditEntityType | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only events at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only events before this instant.' })
  to?: Date | null;
}

/** Arguments of `auditEvents` (an args class keeps them in the contract's order). */
@ArgsType()
export class AuditEventsArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Optional filter.' })
  filter?: AuditEventFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}
