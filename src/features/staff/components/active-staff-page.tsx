import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { usePageTitle } from '@/components/ui/use-page-title';
import { paths } from '@/lib/access/paths';
import { describeRoles } from '@/lib/access/roles';
import { fullName } from '@/lib/membership/current-membership';
import { useMembership } from '@/lib/membership/membership-context';
import { useActiveStaff, type ActiveStaffMember } from '../api/get-active-staff';
import { filterStaffByName } from '../lib/filter-staff';

/** Staff › Active Staff Members: the organization's active staff, searchable by name. */
export function ActiveStaffPage() {
  usePageTitle('Active Staff Members');
  const membership = useMembership();
  const staff = useActiveStaff(membership.org_id);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const visible = useMemo(
    () => filterStaffByName(staff.data ?? [], deferredSearch),
    [staff.data, deferredSearch],
  );
  const searchId = useId();
  const captionId = useId();

  return (
    <section aria-labelledby="active-staff-title" className="page">
      <p className="eyebrow">Staff</p>
      <h1 id="active-staff-title">Active Staff Members</h1>

      <div className="toolbar">
        <label htmlFor={searchId}>Search by name</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>

      {staff.isPending ? <LoadingState label="Loading staff members…" /> : null}
      {staff.isError ? (
        <ErrorState
          title="The staff list could not be loaded."
          error={staff.error}
          onRetry={() => void staff.refetch()}
        />
      ) : null}
      {staff.isSuccess ? (
        <>
          <p role="status" className="result-count">
            {resultSummary(visible.length, staff.data.length, deferredSearch)}
          </p>
          {visible.length > 0 ? (
            <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
              <StaffTable
                staff={visible}
                captionId={captionId}
                organizationName={membership.organization.name}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function resultSummary(shown: number, total: number, search: string): string {
  const noun = (count: number) => (count === 1 ? 'staff member' : 'staff members');
  if (search.trim() === '')
    return total === 0 ? 'There are no active staff members yet.' : `${total} active ${noun(total)}.`;
  if (shown === 0) return `No active staff member matches “${search.trim()}”.`;
  return `${shown} of ${total} ${noun(total)} match “${search.trim()}”.`;
}

function StaffTable({
  staff,
  captionId,
  organizationName,
}: {
  staff: readonly ActiveStaffMember[];
  captionId: string;
  organizationName: string;
}) {
  return (
    <table className="data-table">
      <caption id={captionId}>Active staff members of {organizationName}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Roles</th>
          <th scope="col">Default location</th>
          <th scope="col">NPI</th>
        </tr>
      </thead>
      <tbody>
        {staff.map((person) => (
          <tr key={person.id}>
            <th scope="row">
              <Link to={paths.staffDetails(person.id)}>{fullName(person)}</Link>
            </th>
            <td>{person.email}</td>
            <td>{describeRoles(person.roles)}</td>
            <td>{person.default_location?.name ?? <span className="muted">None</span>}</td>
            <td>{person.npi ?? <span className="muted">None</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
