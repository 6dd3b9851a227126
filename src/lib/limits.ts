import { badUserInput } from './errors';

/**
 * A count limit is reached. The contract lists these limits beside the other input bounds
 * (section 8), so they answer BAD_USER_INPUT like them; `reason` lets clients tell this
 * apart from a malformed argument.
 */
export function limitExceeded(message: string): Error {
  return badUserInput(message, { reason: 'LIMIT_EXCEEDED' });
}
