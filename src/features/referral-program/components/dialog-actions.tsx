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
    <div className="dialog-actions">
      <button
        type="button"
        className="button button-secondary"
        aria-disabled={pending || undefined}
        onClick={() => {
          if (!pending) onCancel();
        }}
      >
        Cancel
      </button>
      <button
        type="submit"
        className={`button ${destructive ? 'button-danger' : 'button-primary'}`}
        aria-disabled={pending || undefined}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}
