import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { formatDateTime } from '@/lib/datetime';
import type { UnconfirmedRequest } from '../api/get-unconfirmed-appointments';
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
export function DecisionDialog({
  kind,
  request,
  pending,
  error,
  onConfirm,
  onDecline,
  onClose,
}: DecisionDialogProps) {
  const fieldId = useId();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<DeclineForm>({
    resolver: zodResolver(declineSchema),
    defaultValues: { reason: '' as DeclineForm['reason'], note: '' },
  });
  const client = `${request.first_name} ${request.last_name}`;
  const when = formatDateTime(request.slot_start);

  return (
    <ModalDialog
      title={kind === 'confirm' ? `Confirm ${client}’s request?` : `Decline ${client}’s request?`}
      onClose={onClose}
      busy={pending}
      alert
    >
      {kind === 'confirm' ? (
        <>
          <p>
            This schedules the appointment with {request.therapist_first_name} {request.therapist_last_name}{' '}
            on {when}, makes {client} an active client of the clinic and emails them the confirmation. It
            cannot be undone.
          </p>
          {error ? (
            <p role="alert" className="callout callout-error">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={pending}>
              Cancel
            </button>
            <button type="button" className="button-primary" onClick={onConfirm} aria-disabled={pending}>
              {pending ? 'Confirming…' : 'Confirm appointment'}
            </button>
          </div>
        </>
      ) : (
        <form noValidate onSubmit={handleSubmit((form) => !pending && onDecline(form))}>
          <p>
            {client} will be told that the clinic could not accept the request for {when}; your reason stays
            internal. It cannot be undone.
          </p>
          <div className="field">
            <label htmlFor={`${fieldId}-reason`}>Reason</label>
            <select
              id={`${fieldId}-reason`}
              aria-required="true"
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? `${fieldId}-reason-error` : undefined}
              {...register('reason')}
            >
              <option value="">Choose a reason</option>
              {Object.entries(declineReasons).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
            {errors.reason ? (
              <p id={`${fieldId}-reason-error`} className="field-error" role="alert">
                {errors.reason.message}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${fieldId}-note`}>Note (internal; required for Other)</label>
            <textarea
              id={`${fieldId}-note`}
              rows={3}
              maxLength={1000}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={errors.note ? `${fieldId}-note-error` : undefined}
              {...register('note')}
            />
            {errors.note ? (
              <p id={`${fieldId}-note-error`} className="field-error" role="alert">
                {errors.note.message}
              </p>
            ) : null}
          </div>
          {error ? (
            <p role="alert" className="callout callout-error">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={pending}>
              Cancel
            </button>
            <button type="submit" className="button-primary" aria-disabled={pending}>
              {pending ? 'Declining…' : 'Decline request'}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
