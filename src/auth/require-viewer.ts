import { forbidden } from '../lib/errors';
import type { Viewer } from './viewer';

// UNAUTHENTICATED without a viewer is the context's `actor` (src/context.ts).

/**
 * Unverified users may track their own data but not connect or share (CONTRACT.md section 2):
 * sendConnectionRequest, respondToConnectionRequest and grantPermission call this.
 */
export function requireVerifiedEmail(viewer: Viewer): Viewer {
  if (!viewer.user.emailVerified) {
    throw forbidden('Verify your email address before connecting or sharing', 'EMAIL_NOT_VERIFIED');
  }
  return viewer;
}
