import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField } from '@/components/ui/field';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { formatAppointmentTime } from '@/lib/appointment-time';
import type { UnconfirmedRequest } from '../api/get-unconfirmed-appointments';
import { declineReasons, declineSchema, type DeclineForm } from '../schemas';
import { DecisionFooter } from './decision-footer';

interface DecisionDialogProps {
  kind: 'confirm' | 'decline';
  request: UnconfirmedRequest;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onDecline: (form: DeclineForm) => void;
  onClose: () => void;
  /** Where focus goes when the dialog closes (the next row after a decision); the opener otherwise. */
  returnFocus?: () => HTMLElement | null;
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
  returnFocus,
}: DecisionDialogProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<DeclineForm>({
    resolver: zodResolver(declineSchema),
    defaultValues: { reason: '' as DeclineForm['reason'], note: '' },
  });
  const client = `${request.first_name} ${request.last_name}`;
  const when = formatAppointmentTime(request.slot_start, {
    officeTimeZone: request.time_zone,
    officeName: request.location_name,
  });

  return (
    <ModalDialog
      title={kind === 'confirm' ? `Confirm ${client}’s request?` : `Decline ${client}’s request?`}
      onClose={onClose}
      returnFocus={returnFocus}
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
          <DecisionFooter error={error} pending={pending} onCancel={onClose}>
            <Button variant="primary" onClick={onConfirm} aria-disabled={pending}>
              {pending ? 'Confirming…' : 'Confirm appointment'}
            </Button>
          </DecisionFooter>
        </>
      ) : (
        <form noValidate onSubmit={handleSubmit((form) => !pending && onDecline(form))}>
          <p>
            {client} will be told that the clinic could not accept the request for {when}; your reason stays
            internal. It cannot be undone.
          </p>
          <SelectField
            label="Reason"
            aria-required="true"
            error={errors.reason?.message}
            {...register('reason')}
          >
            <option value="">Choose a reason</option>
            {Object.entries(declineReasons).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label="Note (internal; required for Other)"
            rows={3}
            maxLength={1000}
            error={errors.note?.message}
            {...register('note')}
          />
          <DecisionFooter error={error} pending={pending} onCancel={onClose}>
            <Button type="submit" variant="danger" aria-disabled={pending}>
              {pending ? 'Declining…' : 'Decline request'}
            </Button>
          </DecisionFooter>
        </form>
      )}
    </ModalDialog>
  );
}
