import { formatDateTime, isoTimestamp } from '@/lib/datetime';
import { describeRoles } from '@/lib/access/roles';
import { fullName } from '@/lib/membership/current-membership';
import { useStaffMemberOfPage } from './staff-details-layout';

/** Details › Overview: the staff record as the clinic keeps it. */
export function StaffOverviewTab() {
  const member = useStaffMemberOfPage();
  const location = member.default_location;
  return (
    <>
      <h2>Overview</h2>
      <dl className="details-list">
        <div>
          <dt>Name</dt>
          <dd>{fullName(member)}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{member.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{describeRoles(member.roles)}</dd>
        </div>
        <div>
          <dt>NPI</dt>
          <dd>{member.npi ?? 'Not on file'}</dd>
        </div>
        <div>
          <dt>Office phone</dt>
          <dd>{member.office_phone ?? 'Not on file'}</dd>
        </div>
        <div>
          <dt>Default location</dt>
          <dd>{location ? `${location.name} (${location.city}, ${location.state})` : 'None'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{member.is_active ? 'Active' : 'Deactivated'}</dd>
        </div>
        <div>
          <dt>Record last updated</dt>
          <dd>
            <time dateTime={isoTimestamp(member.updated_at)}>{formatDateTime(member.updated_at)}</time>
          </dd>
        </div>
      </dl>
    </>
  );
}
