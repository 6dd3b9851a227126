import type { GraphQLResponse } from '@apollo/server';
import { getNamedType, GraphQLError, isCompositeType, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';
import { ErrorCode } from '../../lib/errors';

/**
 * The runtime backstop behind the cost limit: objects one operation may resolve (each element
 * of a list of objects and each object-valued field counts 1, as in the cost). Queries priced
 * under the cost limit stay under this unless a list is longer than list-sizes.ts says.
 */
export const MAX_RESOLVED_OBJECTS = 100_000;

export function responseTooLarge(maxObjects: number): GraphQLFormattedError {
  return {
    message: `The response would hold more than ${maxObjects} objects: ask for less (fewer fields, smaller pages, one deed at a time)`,
    extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, limit: maxObjects },
  };
}

/**
 * Thrown by every field that starts after the bound: one instance, which graphql-js
 * keeps as it is (it has a path already), so stopping costs no error object per field. The
 * answer is replaced as a whole anyway.
 */
const STOPPED = new GraphQLError('Response too large', { path: [], extensions: { code: ErrorCode.RESPONSE_TOO_LARGE } });

/**
 * Counts objects as fields resolve. Once past the bound every further field fails at once
 * (nothing below it runs), and the answer becomes one RESPONSE_TOO_LARGE error with no data:
 * a partial tree with thousands of field errors would be neither useful nor small.
 */
export class ResolvedObjects {
  private count = 0;

  constructor(private readonly maxObjects: number) {}

  get exceeded(): boolean {
    return this.count > this.maxObjects;
  }

  willResolve(info: GraphQLResolveInfo): ((error: Error | null, result?: unknown) => void) | undefined {
    // Scalars too: lists resolved together may pass the bound at once, and the first failing
    // element ends the completion of its whole list.
    if (this.exceeded) throw STOPPED;
    if (!isCompositeType(getNamedType(info.returnType))) return undefined;
    return (error, result) => {
      if (error || result === null || result === undefined) return;
      this.count += Array.isArray(result) ? result.length : 1;
    };
  }

  replaceAnswer(response: GraphQLResponse): void {
    if (!this.exceeded || response.body.kind !== 'single') return;
    response.body.singleResult = { errors: [responseTooLarge(this.maxObjects)] };
    response.http.status = 400;
  }
}
