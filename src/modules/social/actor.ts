import type { Viewer } from '../../auth/viewer';
import type { PermissionAuthority } from '../access/authority';
import type { RequestOrigin } from '../audit/audit-log';

/** The pieces of a request the social services act with (services are per process). */
export interface SocialActor {
  viewer: Viewer;
  authority: PermissionAuthority;
  origin: RequestOrigin;
}
