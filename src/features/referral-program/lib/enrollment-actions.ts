/**
 * Which row actions an enrollment offers (architecture §5.5): components only read this.
 * The database enforces the same rules; this keeps the UI from offering what it would refuse.
 */
import type { ApplicationStatus, EnrollmentStatus } from './grid-query';

export type EnrollmentAction = 'editPayers' | 'delete' | 'deactivate';

export interface EnrollmentState {
  status: EnrollmentStatus;
  applicationStatus: ApplicationStatus;
}

/**
 * - Edit payers and Deactivate: while the enrollment is active.
 * - Delete: only while active and the application is Incomplete (a submitted profile stays on record; deactivate instead).
 * - A deactivated enrollment offers nothing: deactivation is permanent.
 */
export function enrollmentActions({ status, applicationStatus }: EnrollmentState): EnrollmentAction[] {
  if (status !== 'active') return [];
  return applicationStatus === 'incomplete'
    ? ['editPayers', 'delete', 'deactivate']
    : ['editPayers', 'deactivate'];
}
