import { useEffect, useEffectEvent, useId, useRef, type ReactNode, type RefObject } from 'react';
import styles from './modal-dialog.module.css';

interface ModalDialogProps {
  title: string;
  /** Escape, or a Cancel button: the parent stops rendering the dialog. */
  onClose: () => void;
  children: ReactNode;
  /** Focused when the dialog opens; by default its first field or button. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes when the dialog goes away; by default back to the element that opened it. */
  returnFocus?: () => HTMLElement | null;
  /** While a change is being saved, Escape does not close the dialog. */
  busy?: boolean;
  /** A confirmation of something that cannot be undone. */
  alert?: boolean;
  /** Extra text under the title (who or what the dialog is about). */
  description?: ReactNode;
}

const focusable =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog> (showModal): the page behind is inert, focus stays inside,
 * Escape closes it, and focus goes back to where it came from. Open it by rendering it.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  initialFocus,
  returnFocus,
  busy = false,
  alert = false,
  description,
}: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  const focusFirst = useEffectEvent((dialog: HTMLDialogElement) => {
    // while its content loads there may be nothing to focus yet: then the dialog itself
    const target = initialFocus?.current ?? dialog.querySelector<HTMLElement>(focusable) ?? dialog;
    target.focus();
  });
  const focusAfterClose = useEffectEvent((opener: HTMLElement | null) => {
    const target = returnFocus?.() ?? opener;
    if (target?.isConnected) target.focus();
  });

  const openerRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (!dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }
    focusFirst(dialog);
    return () => {
      // Leaving the document closes the dialog; then focus goes back. (When the dialog is still
      // in the document, React only re-ran the effect, as StrictMode does: nothing closed.)
      queueMicrotask(() => {
        if (!dialog.isConnected) focusAfterClose(openerRef.current);
      });
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={styles.dialog}
      tabIndex={-1}
      role={alert ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: the parent decides, so the dialog's state and the page's stay the same
        event.preventDefault();
        if (!busy) onClose();
      }}
      onClose={() => {
        // the browser may close it anyway (a second Escape): follow it
        onClose();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      {description ? (
        <p id={descriptionId} className={styles.description}>
          {description}
        </p>
      ) : null}
      {children}
    </dialog>
  );
}

/** The buttons at the end of a dialog: the main action last (right on a wide screen), full width on a phone. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className={styles.footer}>{children}</div>;
}
