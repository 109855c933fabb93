import { ErrorState, LoadingState } from '@/components/ui/status';
import { parseTimestamp } from '@/lib/datetime';
import { formatAppointmentTime } from '@/lib/appointment-time';
import type { UnconfirmedRequest } from '../api/get-unconfirmed-appointments';
import { useTherapistDay } from '../api/get-therapist-day';
import { findConflicts } from '../lib/conflicts';
import { formatCalendarDate, formatWhen } from '../lib/display-time';
import styles from './unconfirmed-appointments.module.css';

const kindLabel = {
  availability: 'Open time',
  appointment: 'Appointment',
  request: 'Pending request',
} as const;

/** Everything the client submitted, and the therapist's day around the slot with any conflict called out. */
export function RequestDetails({ orgId, request }: { orgId: string; request: UnconfirmedRequest }) {
  const day = useTherapistDay(orgId, request.therapist_id, request.id, request.slot_start);
  const slot = { start: parseTimestamp(request.slot_start), end: parseTimestamp(request.slot_end) };
  const conflicts = findConflicts(
    slot,
    (day.data ?? []).filter((e) => e.kind === 'appointment').map((e) => e.range),
  );

  return (
    <div className={styles.details}>
      <h3>Submitted</h3>
      <dl className={styles.submitted}>
        <dt>Client</dt>
        <dd>
          {request.first_name} {request.last_name}
        </dd>
        <dt>Email</dt>
        <dd>{request.email}</dd>
        <dt>Phone</dt>
        <dd>{request.phone}</dd>
        <dt>Date of birth</dt>
        <dd>{formatCalendarDate(request.date_of_birth)}</dd>
        {request.requested_by_guardian ? (
          <>
            <dt>Requested by</dt>
            <dd>A parent or guardian (the contact details are theirs)</dd>
          </>
        ) : null}
        {request.insurance_name ? (
          <>
            <dt>Insurance</dt>
            <dd>{request.insurance_name}</dd>
          </>
        ) : null}
        <dt>Member ID</dt>
        <dd>{request.member_id ?? 'None'}</dd>
        {request.session_format ? (
          <>
            <dt>Format</dt>
            <dd>{request.session_format === 'telehealth' ? 'Telehealth' : 'In person'}</dd>
          </>
        ) : null}
        <dt>Note</dt>
        <dd>{request.note ?? 'None'}</dd>
        <dt>Requested</dt>
        <dd>
          {formatAppointmentTime(request.slot_start, {
            officeTimeZone: request.time_zone,
            officeName: request.location_name,
          })}
          , {minutesBetween(request.slot_start, request.slot_end)} minutes
        </dd>
      </dl>
      <h3>
        {request.therapist_first_name} {request.therapist_last_name}’s calendar around this time
      </h3>
      {day.isPending ? <LoadingState label="Loading the calendar…" /> : null}
      {day.isError ? (
        <ErrorState
          title="The calendar could not be loaded"
          error={day.error}
          onRetry={() => void day.refetch()}
        />
      ) : null}
      {conflicts.length > 0 ? (
        <p className="callout callout-error">
          Conflict: an appointment is already scheduled at an overlapping time, so confirming will be refused.
        </p>
      ) : null}
      {day.data ? (
        <ul className={styles.dayList}>
          {day.data.map((entry, i) => (
            <li key={i}>
              <strong>{entry.isThisRequest ? 'This request' : kindLabel[entry.kind]}</strong>:{' '}
              {formatWhen(entry.range.start, request.time_zone)} –{' '}
              {formatWhen(entry.range.end, request.time_zone)}
              {entry.kind === 'appointment' && findConflicts(slot, [entry.range]).length
                ? ' (conflicts with this request)'
                : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** How long a slot is, in whole minutes. */
const minutesBetween = (start: string, end: string) =>
  Math.round((parseTimestamp(end).getTime() - parseTimestamp(start).getTime()) / 60_000);
