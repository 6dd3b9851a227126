import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Largest BIGSERIAL value PostgreSQL can hold. */
const MAX_ID = 9223372036854775807n;
const DECIMAL_ID = /^[1-9][0-9]{0,18}$/;

/** Parses a decimal-string id; null when it is malformed or out of BIGINT range. */
export function parseId(value: unknown): bigint | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return BigInt(value);
  if (typeof value !== 'string' || !DECIMAL_ID.test(value)) return null;
  const id = BigInt(value);
  return id <= MAX_ID ? id : null;
}

function requireId(value: unknown): bigint {
  const id = parseId(value);
  if (id === null) {
    throw new GraphQLError(`ID must be a positive decimal integer string, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return id;
}

/**
 * Replaces GraphQL's built-in `ID`: the same name and wire format (a decimal string), but
 * resolvers see `bigint`, exactly what Prisma returns for BIGSERIAL keys. Malformed ids are
 * rejected while arguments are coerced, before any resolver runs.
 */
export const BigIntID = new GraphQLScalarType<bigint, string>({
  name: 'ID',
  description: 'A database BIGSERIAL id rendered as a decimal string (unique per type).',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    throw new GraphQLError(`ID cannot represent ${typeof value}`);
  },
  parseValue: requireId,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return requireId(ast.value);
    throw new GraphQLError('ID must be a string', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
  },
});
