/** How the program grid words things. */
import type { ApplicationStatus, EnrollmentStatus } from './grid-query';

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  completed: 'Completed',
  incomplete: 'Incomplete',
};

export const enrollmentStatusLabels: Record<EnrollmentStatus, string> = {
  active: 'Active',
  deactivated: 'Deactivated',
};

/** "Jordan Ellis": how sentences and row actions name a person. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

/** "Ellis, Jordan": how lists sorted by last name show a person. */
export function listName(person: { firstName: string; lastName: string }): string {
  return `${person.lastName}, ${person.firstName}`;
}

/** The grid's count line: "3 staff members in the program", or how many match the filters. */
export function staffCountText(total: number, filtered: boolean): string {
  const noun = total === 1 ? 'staff member' : 'staff members';
  if (filtered) return `${total} ${noun} ${total === 1 ? 'matches' : 'match'} these filters`;
  return `${total} ${noun} in the program`;
}

/** What the grid says when it has no rows. */
export function emptyGridText(filtered: boolean): string {
  return filtered ? 'No enrolled staff match these filters.' : 'No therapists enrolled yet — use Add Staff.';
}
