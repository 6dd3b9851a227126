import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import {
  getArgumentValues,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { normaliseEmail } from '../../modules/users/auth-service';
import type { RateLimitCheck } from './limiter';
import { MUTATION_FIELD_LIMITS, ROOT_FIELD_WEIGHTS, SCOPES, type FieldRateLimit, type RateLimitSubject } from './scopes';

/** What a request is counted by. */
export interface Requester {
  userId: bigint | null;
  ip: string | null;
}

/** A check, and for failure-only scopes the response key of the field whose outcome decides. */
export interface PlannedCheck extends RateLimitCheck {
  onlyFailing?: { responseKey: string; code: string };
}

/**
 * The windows one operation counts in: any operation (per user, or per address when
 * anonymous; heavy root fields count several times, ROOT_FIELD_WEIGHTS), mutations per user, and the per-field scopes of each root mutation field
 * (an aliased field counts once per occurrence).
 */
export function planChecks(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  requester: Requester;
  /** The request registers an automatic persisted query (a hash with its query text). */
  registersPersistedQuery?: boolean;
}): PlannedCheck[] {
  const { requester } = input;
  const user = requester.userId === null ? null : requester.userId.toString();
  const ip = addressSubject(requester.ip);
  const operationCheck: PlannedCheck =
    user === null ? { scope: SCOPES.operationsPerIp, subject: ip } : { scope: SCOPES.operationsPerUser, subject: user };
  const checks: PlannedCheck[] = [operationCheck];
  for (const field of rootFields(input.operation.selectionSet, input.document)) {
    const weight = ROOT_FIELD_WEIGHTS[field.name.value] ?? 1;
    for (let extra = 1; extra < weight; extra += 1) checks.push(operationCheck);
  }
  if (input.registersPersistedQuery) {
    checks.push(
      user === null
        ? { scope: SCOPES.persistedQueryRegistrationsPerIp, subject: ip }
        : { scope: SCOPES.persistedQueryRegistrationsPerUser, subject: user },
    );
  }
  if (input.operation.operation !== 'mutation') return checks;
  if (user !== null) checks.push({ scope: SCOPES.mutationsPerUser, subject: user });

  const mutationType = input.schema.getMutationType();
  for (const field of rootFields(input.operation.selectionSet, input.document)) {
    const limits = MUTATION_FIELD_LIMITS[field.name.value];
    const definition = mutationType?.getFields()[field.name.value];
    if (!limits || !definition) continue;
    const email = emailArgument(() => getArgumentValues(definition, field, input.variables));
    for (const limit of limits) {
      const subject = subjectOf(limit.subject, { user, ip, email });
      // Without a viewer or a readable email the field fails anyway (UNAUTHENTICATED, BAD_USER_INPUT).
      if (subject === undefined) continue;
      checks.push({ scope: limit.scope, subject, ...failureOnly(limit, field) });
    }
  }
  return checks;
}

function failureOnly(limit: FieldRateLimit, field: FieldNode): Pick<PlannedCheck, 'onlyFailing'> {
  if (!limit.onlyFailingWith) return {};
  return { onlyFailing: { responseKey: field.alias?.value ?? field.name.value, code: limit.onlyFailingWith } };
}

function subjectOf(
  subject: RateLimitSubject,
  values: { user: string | null; ip: string; email: string | undefined },
): string | undefined {
  switch (subject) {
    case 'user':
      return values.user ?? undefined;
    case 'ip':
      return values.ip;
    case 'email':
      return values.email;
    case 'emailAndIp':
      return values.email === undefined ? undefined : `${values.email}:${values.ip}`;
  }
}

/** `input.email`, hashed: keys in Redis should not hold addresses in clear text. */
function emailArgument(readArguments: () => Record<string, unknown>): string | undefined {
  let email: unknown;
  try {
    email = (readArguments().input as { email?: unknown } | undefined)?.email;
  } catch {
    return undefined;
  }
  if (typeof email !== 'string' || email.trim() === '') return undefined;
  return createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 32);
}

/**
 * IPv4 addresses as they are; IPv6 ones by their /64 network, which one client usually holds
 * whole (counting single addresses there would let it rotate past any limit).
 */
export function addressSubject(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The root fields of a selection set, looking through fragments. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(selection.selectionSet, document));
    else {
      const fragment = document.definitions.find(
        (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) fields.push(...rootFields(fragment.selectionSet, document));
    }
  }
  return fields;
}
