import { useRef } from 'react';
import type { EnrollmentRow } from '../api/get-program-grid';
import { useDeactivateEnrollment } from '../api/deactivate-enrollment';
import { personName } from '../lib/labels';
import { mutationErrorMessage } from '../lib/mutation-error-message';
import { ConfirmDialog } from './confirm-dialog';

interface DeactivateEnrollmentDialogProps {
  orgId: string;
  enrollment: EnrollmentRow;
  onClose: () => void;
  onDeactivated: () => void;
  /** Where focus goes once the row's actions (and the button that opened this) are gone. */
  focusAfterChange: () => HTMLElement | null;
}

/** Deactivate: says plainly that it is permanent before doing it. */
export function DeactivateEnrollmentDialog({
  orgId,
  enrollment,
  onClose,
  onDeactivated,
  focusAfterChange,
}: DeactivateEnrollmentDialogProps) {
  const deactivate = useDeactivateEnrollment(orgId);
  const done = useRef(false);
  const name = personName(enrollment);
  return (
    <ConfirmDialog
      title={`Deactivate ${name}?`}
      confirmLabel="Deactivate permanently"
      pendingLabel="Deactivating…"
      pending={deactivate.isPending}
      error={deactivate.isError ? mutationErrorMessage(deactivate.error) : null}
      onClose={onClose}
      returnFocus={() => (done.current ? focusAfterChange() : null)}
      onConfirm={() =>
        deactivate.mutate(enrollment.enrollmentId, {
          onSuccess: () => {
            done.current = true;
            onDeactivated();
          },
        })
      }
    >
      <p>
        <strong>Deactivation is permanent.</strong> {name} can never be reactivated or added to the Client
        Referral Program again.
      </p>
      <ul>
        <li>
          They disappear from payer directories immediately, so no new appointment requests can reach them.
        </li>
        <li>
          Their pending appointment requests stay in Unconfirmed Appointments for your staff to confirm or
          decline.
        </li>
      </ul>
    </ConfirmDialog>
  );
}
