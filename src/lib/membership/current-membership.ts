/**
 * Which organization the app works in: pure rules over the user's staff records.
 */
import type { OrganizationSummary, StaffMembershipRow } from './get-staff-memberships';

export type Membership = Omit<StaffMembershipRow, 'organization'> & { organization: OrganizationSummary };

export type MembershipResolution =
  | { kind: 'active'; membership: Membership }
  /** Staff records exist but none is active (the account was deactivated). */
  | { kind: 'inactive' }
  /** The account is not linked to any staff record. */
  | { kind: 'none' };

/** The first active staff record whose organization is readable becomes the current one. */
export function resolveMembership(rows: readonly StaffMembershipRow[]): MembershipResolution {
  for (const row of rows) {
    if (row.is_active && row.organization !== null) {
      return { kind: 'active', membership: { ...row, organization: row.organization } };
    }
  }
  return rows.length > 0 ? { kind: 'inactive' } : { kind: 'none' };
}

export function fullName(person: { first_name: string; last_name: string }): string {
  return `${person.first_name} ${person.last_name}`;
}
