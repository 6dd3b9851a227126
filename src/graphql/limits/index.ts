import type { ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit';
import { depthLimitRule } from './depth-limit';
import { expensiveFieldsRule } from './expensive-fields';
import { rootFieldLimitRule } from './root-field-limit';
import { selectionFanOutRule } from './selection-fan-out';

export { costLimitPlugin, operationCost, MAX_QUERY_COST } from './cost-limit';
export { MAX_QUERY_DEPTH } from './depth-limit';
export { MAX_ALIASES } from './alias-limit';
export { MAX_ROOT_FIELDS } from './root-field-limit';
export { MAX_RESOLVED_OBJECTS } from './resolved-objects';
export { CREDENTIAL_FIELDS, DASHBOARD_FIELDS } from './expensive-fields';

/**
 * The query limits of CONTRACT.md section 8 that depend on the document alone (Apollo
 * `validationRules`). The cost limit needs the variables: see `costLimitPlugin`.
 */
export const queryLimitRules: readonly ValidationRule[] = [
  selectionFanOutRule(),
  depthLimitRule(),
  rootFieldLimitRule(),
  aliasLimitRule(),
  expensiveFieldsRule(),
];
