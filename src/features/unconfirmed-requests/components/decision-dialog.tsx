import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { formatDateTime } from '@/lib/datetime';
import type { UnconfirmedRequest } from '../api/get-unconfirmed-requests';
import { declineReasons, declineSchema, type DeclineForm } from '../schemas';

interface DecisionDialogProps {
  kind: 'confirm' | 'decline';
  request: UnconfirmedRequest;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onDecline: (form: DeclineForm) => void;
  onClose: () => void;
}

/** Confirm or Decline one request; both say plainly that the decision cannot be undone. */
export function DecisionDialog({ kind, request, pending, error, onConfirm, onDecline, onClose }: DecisionDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { register, handleSubmit, formState: { errors } } = useForm<DeclineForm>({
    resolver: zodResolver(declineSchema),
    defaultValues: { reason: '' as DeclineForm['reason'], note: '' },
  });
  const client = `${request.first_name} ${request.last_name}`;
  const when = formatDateTime(request.slot_start);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => opener?.focus();
  }, []);

  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} className="modal-dialog" onCancel={(e) => (e.preventDefault(), pending || onClose())}>
      <h2 id={titleId}>{kind === 'confirm' ? `Confirm ${client}’s request?` : `Decline ${client}’s request?`}</h2>
      {kind === 'confirm' ? (
        <>
          <p>
            This schedules the appointment with {request.therapist_first_name} {request.therapist_last_name} on {when}, makes {client} an active
            client of the clinic and emails them the confirmation. It cannot be undone.
          </p>
          {error ? <p role="alert" className="callout callout-error">{error}</p> : null}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={pending}>Cancel</button>
            <button type="button" className="button-primary" onClick={onConfirm} aria-disabled={pending}>
              {pending ? 'Confirming…' : 'Confirm appointment'}
            </button>
          </div>
        </>
      ) : (
        <form noValidate onSubmit={handleSubmit((form) => !pending && onDecline(form))}>
          <p>
            {client} will be told that the clinic could not accept the request for {when}; your reason stays internal. It cannot be undone.
          </p>
          <div className="field">
            <label htmlFor={`${titleId}-reason`}>Reason</label>
            <select id={`${titleId}-reason`} aria-required="true" aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? `${titleId}-reason-error` : undefined} {...register('reason')}>
              <option value="">Choose a reason</option>
              {Object.entries(declineReasons).map(([key, label]) => (
                <option key={key} value={key}>{label}</option>
              ))}
            </select>
            {errors.reason ? <p id={`${titleId}-reason-error`} className="field-error" role="alert">{errors.reason.message}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${titleId}-note`}>Note (internal; required for Other)</label>
            <textarea id={`${titleId}-note`} rows={3} maxLength={1000} aria-invalid={errors.note ? true : undefined}
              aria-describedby={errors.note ? `${titleId}-note-error` : undefined} {...register('note')} />
            {errors.note ? <p id={`${titleId}-note-error`} className="field-error" role="alert">{errors.note.message}</p> : null}
          </div>
          {error ? <p role="alert" className="callout callout-error">{error}</p> : null}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={pending}>Cancel</button>
            <button type="submit" className="button-primary" aria-disabled={pending}>{pending ? 'Declining…' : 'Decline request'}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}
