import type { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import { queryLimitExceeded, type QueryLimitReason } from '../../lib/errors';
import { rootResponseKeys } from './root-field-limit';

/**
 * Root fields whose every occurrence costs far more than the rate limits' one hit per
 * operation: a password hash (argon2) or an uncached dashboard over up to a year. Aliased
 * copies in one operation would multiply that work, so an operation may hold only a few.
 */
export interface ExpensiveFieldGroup {
  readonly fields: ReadonlySet<string>;
  readonly max: number;
  readonly reason: QueryLimitReason;
  readonly what: string;
}

export const CREDENTIAL_FIELDS: ExpensiveFieldGroup = {
  fields: new Set(['login', 'register', 'changePassword', 'deleteAccount', 'resetPassword', 'restoreAccount']),
  max: 1,
  reason: 'CREDENTIAL_FIELDS',
  what: 'password-checking field',
};

export const DASHBOARD_FIELDS: ExpensiveFieldGroup = {
  fields: new Set(['dashboard']),
  max: 2,
  reason: 'DASHBOARDS',
  what: 'dashboard',
};

export function expensiveFieldsRule(groups: readonly ExpensiveFieldGroup[] = [CREDENTIAL_FIELDS, DASHBOARD_FIELDS]): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fieldNames = [...rootResponseKeys(operation.selectionSet, context).values()];
      for (const group of groups) {
        const count = fieldNames.filter((name) => group.fields.has(name)).length;
        if (count > group.max) {
          context.reportError(
            queryLimitExceeded(`An operation may hold at most ${group.max} ${group.what}${group.max === 1 ? '' : 's'}`, group.reason),
          );
        }
      }
      return false;
    },
  });
}
