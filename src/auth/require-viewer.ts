import { forbidden, unauthenticated } from '../lib/errors';
import type { Viewer } from './viewer';

/**
 * The signed-in viewer, or UNAUTHENTICATED. Every operation outside the public ones of
 * CONTRACT.md section 2 starts with this.
 */
export function requireViewer(holder: { readonly viewer: Viewer | null }): Viewer {
  if (!holder.viewer) throw unauthenticated();
  return holder.viewer;
}

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
