import type { ReactNode } from 'react';
import { DialogActions } from './dialog-actions';
import { ModalDialog } from '@/components/ui/modal-dialog';
import styles from './referral-program.module.css';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
}

/** Asks before a change that cannot be undone; Cancel has the focus first. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onClose,
  returnFocus,
}: ConfirmDialogProps) {
  return (
    <ModalDialog title={title} onClose={onClose} busy={pending} alert returnFocus={returnFocus}>
      <form
        noValidate
        aria-busy={pending}
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending) onConfirm();
        }}
      >
        <div className={styles.confirmBody}>{children}</div>
        {error ? (
          <div role="alert" className="callout callout-error">
            {error}
          </div>
        ) : null}
        <DialogActions
          pending={pending}
          onCancel={onClose}
          submitLabel={confirmLabel}
          pendingLabel={pendingLabel}
          destructive
        />
      </form>
    </ModalDialog>
  );
}
