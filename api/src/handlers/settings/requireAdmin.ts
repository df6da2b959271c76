import { isAdmin } from '../../domain/caller';
import { forbidden } from '../../errors/problem';
import type { CallerRouteInput } from '../../http/route';

/** Settings and adoption figures are for tenant admins only (app role `Admin`). */
export function requireAdmin(input: CallerRouteInput): void {
  if (!isAdmin(input.caller)) {
    throw forbidden(
      'Only a Career Board admin of your organisation can see this or change its settings. Ask your Microsoft 365 admin to assign you the Admin role.',
    );
  }
}
