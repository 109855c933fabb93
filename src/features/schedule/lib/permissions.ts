/**
 * Who may do what on the Schedule calendar: pure rules the components only read (architecture §5.5).
 * The database enforces the same rules (RLS and triggers); these decide what the UI offers.
 */
import type { Viewer } from '@/lib/access/roles';
import type { Enums } from '@/types/database.types';

/** Therapists manage their own availability; org admins anyone's in the clinic; schedulers only look. */
export function canManageBlocks(viewer: Viewer, staffId: string): boolean {
  if (viewer.roles.includes('org_admin')) return true;
  return viewer.roles.includes('therapist') && viewer.staffId === staffId;
}

/** The Accept External Appointments toggle exists only for therapists enrolled and active in the program. */
export function showAcceptExternalToggle(
  enrollment: { status: Enums<'enrollment_status'> } | null | undefined,
): boolean {
  return enrollment?.status === 'active';
}

/** Org admins and schedulers choose whose calendar to see; a therapist sees their own. */
export function calendarScope(viewer: Viewer): 'choose' | 'own' | null {
  if (viewer.roles.includes('org_admin') || viewer.roles.includes('scheduler')) return 'choose';
  if (viewer.roles.includes('therapist')) return 'own';
  return null;
}

/**
 * Whose calendar to show: for 'own', the viewer's; for 'choose', the requested therapist when
 * there is one by that id, else the viewer when they are a therapist, else the first therapist.
 */
export function calendarStaffId(
  viewer: Viewer,
  therapistIds: readonly string[],
  requested: string | null,
): string | null {
  const scope = calendarScope(viewer);
  if (scope === 'own') return viewer.staffId;
  if (scope === null) return null;
  if (requested !== null && therapistIds.includes(requested)) return requested;
  if (therapistIds.includes(viewer.staffId)) return viewer.staffId;
  return therapistIds[0] ?? null;
}

/**
 * Why requests cannot reach a block that accepts external appointments, in words for the block
 * dialog: an unsubmitted profile lists the therapist nowhere; with no payer, no payer's member
 * can find them (the clinic's own Client Portal still can). Empty when nothing stands in the way.
 */
export function externalReachProblems(
  enrollment: { profileSubmitted: boolean; payerCount: number } | null | undefined,
): string[] {
  if (!enrollment) return [];
  const problems: string[] = [];
  if (!enrollment.profileSubmitted)
    problems.push(
      'The public profile is not submitted, so no request can reach this block until it is submitted (Staff › Public Profile).',
    );
  if (enrollment.payerCount === 0)
    problems.push(
      'No payer is enrolled, so no payer’s members can request this time until an org admin adds a payer; only the Client Portal can.',
    );
  return problems;
}
