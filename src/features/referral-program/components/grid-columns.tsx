import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { paths } from '@/lib/access/paths';
import type { EnrollmentRow } from '../api/get-program-grid';
import { enrollmentActions, type EnrollmentAction } from '../lib/enrollment-actions';
import { applicationStatusLabels, enrollmentStatusLabels, listName, personName } from '../lib/labels';

export type OnEnrollmentAction = (action: EnrollmentAction, enrollment: EnrollmentRow) => void;

const column = createColumnHelper<EnrollmentRow>();

/**
 * The grid's columns. Sorting and filtering happen in the database (the table runs in manual
 * mode), so the accessors here only name what each column shows.
 */
export function gridColumns(onAction: OnEnrollmentAction) {
  return [
    column.accessor((row) => listName(row), {
      id: 'staff',
      header: 'Staff',
      enableSorting: true,
      enableColumnFilter: true,
      cell: ({ row }) => (
        <Link to={paths.staffPublicProfile(row.original.staffId)}>{listName(row.original)}</Link>
      ),
    }),
    column.accessor('applicationStatus', {
      id: 'applicationStatus',
      header: 'Application Status',
      enableSorting: true,
      enableColumnFilter: true,
      cell: ({ getValue }) => (
        <span className={`status-pill status-${getValue()}`}>{applicationStatusLabels[getValue()]}</span>
      ),
    }),
    column.accessor('payers', {
      id: 'payers',
      header: 'Payers',
      enableSorting: false,
      enableColumnFilter: true,
      cell: ({ getValue }) => (
        <ul className="payer-list">
          {getValue().map((payer) => (
            <li key={payer.id}>{payer.name}</li>
          ))}
        </ul>
      ),
    }),
    column.accessor('status', {
      id: 'status',
      header: 'Status',
      enableSorting: true,
      enableColumnFilter: false,
      cell: ({ getValue }) => (
        <span className={`status-pill status-${getValue()}`}>{enrollmentStatusLabels[getValue()]}</span>
      ),
    }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => <RowActions enrollment={row.original} onAction={onAction} />,
    }),
  ];
}

const actionLabels: Record<EnrollmentAction, { visible: string; hidden: (name: string) => string }> = {
  editPayers: { visible: 'Edit payers', hidden: (name) => ` for ${name}` },
  delete: { visible: 'Delete', hidden: (name) => ` ${name}` },
  deactivate: { visible: 'Deactivate', hidden: (name) => ` ${name}` },
};

/** The row's actions, each named with the person ("Edit payers for Jordan Ellis"), as the rules allow. */
function RowActions({ enrollment, onAction }: { enrollment: EnrollmentRow; onAction: OnEnrollmentAction }) {
  const actions = enrollmentActions(enrollment);
  if (actions.length === 0) return <span className="muted">None</span>;
  const name = personName(enrollment);
  return (
    <div className="row-actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`button button-small ${action === 'editPayers' ? 'button-secondary' : 'button-danger-outline'}`}
          onClick={() => onAction(action, enrollment)}
        >
          {actionLabels[action].visible}
          <span className="visually-hidden">{actionLabels[action].hidden(name)}</span>
        </button>
      ))}
    </div>
  );
}
