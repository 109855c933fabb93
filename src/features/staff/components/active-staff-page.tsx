import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { TextField } from '@/components/ui/field';
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

  return (
    <section aria-labelledby="active-staff-title" className="page">
      <p className="eyebrow">Staff</p>
      <h1 id="active-staff-title">Active Staff Members</h1>

      <TextField
        label="Search by name"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoComplete="off"
        spellCheck={false}
      />

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
            <DataTable
              caption={`Active staff members of ${membership.organization.name}`}
              columns={staffColumns}
              rows={visible}
              rowKey={(person) => person.id}
              loadingLabel="Loading staff members…"
              empty={null}
            />
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

const none = <span className="muted">None</span>;

const staffColumns: DataColumn<ActiveStaffMember>[] = [
  {
    id: 'name',
    header: 'Name',
    rowHeader: true,
    cell: (person) => <Link to={paths.staffDetails(person.id)}>{fullName(person)}</Link>,
  },
  { id: 'email', header: 'Email', cell: (person) => person.email },
  { id: 'roles', header: 'Roles', cell: (person) => describeRoles(person.roles) },
  { id: 'location', header: 'Default location', cell: (person) => person.default_location?.name ?? none },
  { id: 'npi', header: 'NPI', cell: (person) => person.npi ?? none },
];
