import { useRef } from 'react';
import type { EnrollmentRow } from '../api/get-program-grid';
import { useDeleteEnrollment } from '../api/delete-enrollment';
import { personName } from '../lib/labels';
import { mutationErrorMessage } from '../lib/mutation-error-message';
import { ConfirmDialog } from './confirm-dialog';

interface DeleteEnrollmentDialogProps {
  orgId: string;
  enrollment: EnrollmentRow;
  onClose: () => void;
  onDeleted: () => void;
  /** Where focus goes once the row (and the button that opened this) is gone. */
  focusAfterChange: () => HTMLElement | null;
}

/** Delete, offered only while the application is Incomplete; the database refuses it otherwise. */
export function DeleteEnrollmentDialog({
  orgId,
  enrollment,
  onClose,
  onDeleted,
  focusAfterChange,
}: DeleteEnrollmentDialogProps) {
  const remove = useDeleteEnrollment(orgId);
  const done = useRef(false);
  const name = personName(enrollment);
  return (
    <ConfirmDialog
      title={`Delete ${name} from the program?`}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.isError ? mutationErrorMessage(remove.error) : null}
      onClose={onClose}
      returnFocus={() => (done.current ? focusAfterChange() : null)}
      onConfirm={() =>
        remove.mutate(enrollment.enrollmentId, {
          onSuccess: () => {
            done.current = true;
            onDeleted();
          },
        })
      }
    >
      <p>
        {name}’s application is still Incomplete, so their enrollment can be deleted: they leave the program
        and this list, and their payer choices are removed.
      </p>
      <p>You can add {name} to the program again later.</p>
    </ConfirmDialog>
  );
}
