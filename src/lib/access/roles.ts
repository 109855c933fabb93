/**
 * Who may open what: pure rules over a staff member's roles and their clinic (architecture §5.5).
 * Each route of the app declares a `RouteAccess`; the navigation shows only what `mayOpen` allows,
 * and the app checks it again before showing a page.
 */
import type { Enums } from '@/types/database.types';

export type StaffRole = Enums<'staff_role'>;

export const roleLabels: Record<StaffRole, string> = {
  org_admin: 'Org admin',
  therapist: 'Therapist',
  scheduler: 'Scheduler',
};

/** Roles in a stable order, as labels: "Org admin, Therapist". */
export function describeRoles(roles: readonly StaffRole[]): string {
  return (Object.keys(roleLabels) as StaffRole[])
    .filter((role) => roles.includes(role))
    .map((role) => roleLabels[role])
    .join(', ');
}

export interface Viewer {
  staffId: string;
  roles: readonly StaffRole[];
}

/** A viewer in their clinic: whether the clinic has the Client Referral Program decides program-only pages. */
export interface AccessContext extends Viewer {
  programEnabled: boolean;
}

/** A route's access rule. */
export interface RouteAccess {
  /** Roles that may open the page. */
  roles: readonly StaffRole[];
  /** Roles that may open it only when it is about their own staff record (the `:staffId` in the address). */
  ownRecordRoles?: readonly StaffRole[];
  /** The page belongs to the Client Referral Program: clinics without it neither see nor open it. */
  needsProgram?: boolean;
}

export const everyRole: readonly StaffRole[] = ['org_admin', 'scheduler', 'therapist'];

export const hasRole = (viewer: Viewer, wanted: readonly StaffRole[]) =>
  wanted.some((role) => viewer.roles.includes(role));

/** Why a viewer may not open a route, or null when they may. */
export type AccessRefusal = 'role' | 'program' | null;

/**
 * Whether `viewer` may open a route with `access`; `targetStaffId` is whose page it is for a staff
 * member's pages (org admins and schedulers open anyone's, a therapist only their own).
 */
export function refusal(access: RouteAccess, viewer: AccessContext, targetStaffId?: string): AccessRefusal {
  const byRole =
    hasRole(viewer, access.roles) ||
    (access.ownRecordRoles !== undefined &&
      hasRole(viewer, access.ownRecordRoles) &&
      targetStaffId === viewer.staffId);
  if (!byRole) return 'role';
  if (access.needsProgram && !viewer.programEnabled) return 'program';
  return null;
}

export const mayOpen = (access: RouteAccess, viewer: AccessContext, targetStaffId?: string) =>
  refusal(access, viewer, targetStaffId) === null;

/**
 * Whose referral requests the Unconfirmed Appointments tab lists: org admins and schedulers work the
 * whole organization's queue, a therapist sees their own.
 */
export function unconfirmedAppointmentsScope(viewer: Viewer): 'organization' | 'own' | null {
  if (hasRole(viewer, ['org_admin', 'scheduler'])) return 'organization';
  if (hasRole(viewer, ['therapist'])) return 'own';
  return null;
}
