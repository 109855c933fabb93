import { describe, expect, it } from 'vitest';
import { resolveMembership } from './current-membership';
import type { StaffMembershipRow } from './get-staff-memberships';

const org = (id: string) => ({
  id,
  name: `Clinic ${id}`,
  referral_program_enabled: true,
  time_zone: 'America/New_York',
});
const row = (
  id: string,
  isActive: boolean,
  organization: StaffMembershipRow['organization'],
): StaffMembershipRow => ({
  id,
  org_id: organization?.id ?? 'hidden-org',
  first_name: 'Maya',
  last_name: 'Okafor',
  email: 'maya@example.com',
  roles: ['org_admin'],
  is_active: isActive,
  organization,
});

describe('resolveMembership', () => {
  it('takes the first active record with a readable organization', () => {
    const result = resolveMembership([
      row('s1', false, null),
      row('s2', true, org('o2')),
      row('s3', true, org('o3')),
    ]);
    expect(result).toMatchObject({ kind: 'active', membership: { id: 's2', organization: { id: 'o2' } } });
  });

  it('reports a deactivated account when no record is active', () => {
    expect(resolveMembership([row('s1', false, null)])).toEqual({ kind: 'inactive' });
  });

  it('reports an account without staff records', () => {
    expect(resolveMembership([])).toEqual({ kind: 'none' });
  });
});
