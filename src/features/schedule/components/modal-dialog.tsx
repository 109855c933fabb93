import { useEffect, useId, useState, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  /** Called once the dialog has closed (its buttons, Escape); the parent then stops rendering it. */
  onClose: () => void;
  /** Renders the body; `close()` closes the dialog, returning focus to what opened it. */
  children: (close: () => void) => ReactNode;
  /** Extra text under the title (who the dialog is about, for instance). */
  description?: ReactNode;
}

/**
 * A native modal `<dialog>` opened with showModal(): the browser traps focus, makes the page
 * behind it inert, closes it on Escape and returns focus to the opener.
 */
export function ModalDialog({ title, onClose, children, description }: ModalDialogProps) {
  // the element as state (a callback ref), so the body's close() is an ordinary value
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    if (dialog && !dialog.open) dialog.showModal();
  }, [dialog]);

  const close = () => dialog?.close();

  return (
    <dialog
      ref={setDialog}
      className="modal-dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      {description ? (
        <p id={descriptionId} className="modal-description">
          {description}
        </p>
      ) : null}
      {children(close)}
    </dialog>
  );
}
