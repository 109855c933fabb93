/** Which to-do lists a staff member's home page shows: pure rules over their roles and their clinic. */
import type { StaffRole } from '@/lib/access/roles';

export interface HomeSections {
  /** the clinic has no program: what it is and how it is turned on, instead of every list */
  programNotEnabled: boolean;
  incompleteProfiles: boolean;
  /** an admin's requests close to expiry; a scheduler's list has them first already */
  expiringRequests: boolean;
  pendingRequestsByUrgency: boolean;
  therapist: boolean;
  /** the program's figures: a therapist's own, a scheduler's the clinic's (admins have the Insights tab) */
  figures: boolean;
}

export function homeSections(roles: readonly StaffRole[], programEnabled: boolean): HomeSections {
  const is = (role: StaffRole) => programEnabled && roles.includes(role);
  return {
    programNotEnabled: !programEnabled,
    incompleteProfiles: is('org_admin'),
    expiringRequests: is('org_admin') && !is('scheduler'),
    pendingRequestsByUrgency: is('scheduler'),
    therapist: is('therapist'),
    figures: is('scheduler') || is('therapist'),
  };
}
