import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/modal-dialog';

interface DecisionFooterProps {
  /** Why the last try failed, said above the buttons (an alert, so it is heard). */
  error: string | null;
  /** While the decision is being saved, Cancel is off. */
  pending: boolean;
  onCancel: () => void;
  /** The dialog's own action button. */
  children: ReactNode;
}

/** The foot of every decision dialog (confirm, decline, offer times): the error, Cancel, and the action. */
export function DecisionFooter({ error, pending, onCancel, children }: DecisionFooterProps) {
  return (
    <>
      {error ? (
        <p role="alert" className="callout callout-error">
          {error}
        </p>
      ) : null}
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        {children}
      </DialogFooter>
    </>
  );
}
