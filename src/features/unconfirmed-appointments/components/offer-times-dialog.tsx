import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxGroupField, TextAreaField } from '@/components/ui/field';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { errorMessage } from '@/lib/errors';
import { useOfferableTimes, type OfferableTime } from '../api/get-offerable-times';
import type { UnconfirmedRequest } from '../api/get-unconfirmed-appointments';
import { offeredTimeKey, offerTimesSchema, type OfferTimesForm } from '../schemas';
import styles from './unconfirmed-appointments.module.css';
import { DecisionFooter } from './decision-footer';

interface OfferTimesDialogProps {
  orgId: string;
  request: UnconfirmedRequest;
  pending: boolean;
  error: string | null;
  onOffer: (form: OfferTimesForm) => void;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
}

/**
 * Offer other times: one to three open times of the requested therapist (or of the clinic's
 * other therapists who take requests from the same source) and a short note. Not a decision: the
 * client picks one from their status page, or lets the offer run out.
 */
export function OfferTimesDialog({
  orgId,
  request,
  pending,
  error,
  onOffer,
  onClose,
  returnFocus,
}: OfferTimesDialogProps) {
  const offerable = useOfferableTimes(orgId, request.id);
  const [times, setTimes] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<{ times?: string; message?: string }>({});
  const client = `${request.first_name} ${request.last_name}`;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const form = { times, message };
    const parsed = offerTimesSchema.safeParse(form);
    if (!parsed.success) {
      const found: { times?: string; message?: string } = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'message' ? 'message' : 'times';
        found[key] ??= issue.message;
      }
      setProblems(found);
      return;
    }
    setProblems({});
    onOffer(form);
  };

  return (
    <ModalDialog
      title={`Offer ${client} other times`}
      onClose={onClose}
      returnFocus={returnFocus}
      busy={pending}
    >
      <form noValidate onSubmit={submit}>
        <p>
          {client} asked for{' '}
          {formatAppointmentTime(request.slot_start, {
            officeTimeZone: request.time_zone,
            officeName: request.location_name,
          })}{' '}
          with {request.therapist_first_name} {request.therapist_last_name}. Choose one to three open times
          instead: {client} is emailed a link to pick one; the times are held for them for 48 hours, or until
          the first of them begins. The request leaves the queue.
        </p>
        {offerable.isPending ? (
          <p role="status">Loading open times…</p>
        ) : offerable.isError ? (
          <p role="alert" className="callout callout-error">
            The open times could not be loaded: {errorMessage(offerable.error)}
          </p>
        ) : offerable.data.length === 0 ? (
          <p className="callout callout-info">
            No open times in the next two weeks to offer. Decline the request, or add availability first.
          </p>
        ) : (
          <div className={styles.offerTimes}>
            {groupByTherapist(offerable.data).map((group, index) => (
              <CheckboxGroupField
                key={group.therapistId}
                name="times"
                label={group.requested ? `${group.name} (requested therapist)` : group.name}
                error={index === 0 ? problems.times : undefined}
                announceError
                options={group.times.map((t) => ({
                  value: offeredTimeKey(t.therapist_id, t.slot_start),
                  label: formatAppointmentTime(t.slot_start, {
                    officeTimeZone: t.time_zone,
                    officeName: t.office_name,
                  }),
                }))}
                // each group shows its own boxes; the choice is one list across groups
                value={times}
                onChange={(next) => {
                  const others = times.filter((k) => !k.startsWith(`${group.therapistId}|`));
                  setTimes([...others, ...next.filter((k) => k.startsWith(`${group.therapistId}|`))]);
                }}
              />
            ))}
          </div>
        )}
        <TextAreaField
          label="Message to the client (optional)"
          hint="Shown on the client’s request page, not in the email. No clinical details."
          rows={2}
          maxLength={500}
          value={message}
          error={problems.message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <DecisionFooter error={error} pending={pending} onCancel={onClose}>
          <Button type="submit" variant="primary" aria-disabled={pending}>
            {pending
              ? 'Offering…'
              : times.length > 1
                ? `Offer ${times.length} times`
                : times.length === 1
                  ? 'Offer 1 time'
                  : 'Offer times'}
          </Button>
        </DecisionFooter>
      </form>
    </ModalDialog>
  );
}

interface TherapistTimes {
  therapistId: string;
  name: string;
  requested: boolean;
  times: OfferableTime[];
}

/** The requested therapist first (the database's order), each with their times. */
function groupByTherapist(rows: OfferableTime[]): TherapistTimes[] {
  const groups = new Map<string, TherapistTimes>();
  for (const row of rows) {
    const group = groups.get(row.therapist_id) ?? {
      therapistId: row.therapist_id,
      name: row.therapist_name,
      requested: row.is_requested_therapist,
      times: [],
    };
    group.times.push(row);
    groups.set(row.therapist_id, group);
  }
  return [...groups.values()];
}
