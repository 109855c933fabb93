import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { RowActions as RowActionList } from '@/components/ui/data-table';
import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import { paths } from '@/lib/access/paths';
import type { EnrollmentRow } from '../api/get-program-grid';
import { enrollmentActions, type EnrollmentAction } from '../lib/enrollment-actions';
import { applicationStatusLabels, enrollmentStatusLabels, listName, personName } from '../lib/labels';
import styles from './referral-program.module.css';

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
        <StatusBadge tone={statusTones[getValue()]}>{applicationStatusLabels[getValue()]}</StatusBadge>
      ),
    }),
    column.accessor('payers', {
      id: 'payers',
      header: 'Payers',
      enableSorting: false,
      enableColumnFilter: true,
      cell: ({ getValue }) => (
        <ul className={styles.payerList}>
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
        <StatusBadge tone={statusTones[getValue()]}>{enrollmentStatusLabels[getValue()]}</StatusBadge>
      ),
    }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => <RowActions enrollment={row.original} onAction={onAction} />,
    }),
  ];
}

const statusTones: Record<EnrollmentRow['applicationStatus'] | EnrollmentRow['status'], BadgeTone> = {
  completed: 'success',
  incomplete: 'info',
  active: 'success',
  deactivated: 'neutral',
};

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
    <RowActionList>
      {actions.map((action) => (
        <Button
          key={action}
          size="small"
          variant={action === 'editPayers' ? 'secondary' : 'danger'}
          onClick={() => onAction(action, enrollment)}
        >
          {actionLabels[action].visible}
          <span className="visually-hidden">{actionLabels[action].hidden(name)}</span>
        </Button>
      ))}
    </RowActionList>
  );
}
