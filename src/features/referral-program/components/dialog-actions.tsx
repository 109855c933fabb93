import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/modal-dialog';

interface DialogActionsProps {
  pending: boolean;
  onCancel: () => void;
  submitLabel: string;
  pendingLabel: string;
  destructive?: boolean;
}

/**
 * Cancel and the submit button of a dialog's form. While the change is saved both are disabled
 * (aria-disabled, so focus stays where it is instead of falling out of the dialog).
 */
export function DialogActions({
  pending,
  onCancel,
  submitLabel,
  pendingLabel,
  destructive = false,
}: DialogActionsProps) {
  return (
    <DialogFooter>
      <Button
        variant="secondary"
        aria-disabled={pending || undefined}
        onClick={() => {
          if (!pending) onCancel();
        }}
      >
        Cancel
      </Button>
      <Button type="submit" variant={destructive ? 'danger' : 'primary'} aria-disabled={pending || undefined}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </DialogFooter>
  );
}
