import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { ErrorState } from '@/components/ui/status';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatAppointmentTime } from '@/lib/appointment-time';
import type { OfferedRequest, OfferedTime } from '../api/get-offered-requests';
import { sourceWords } from '../api/get-unconfirmed-appointments';
import { formatWhen } from '../lib/display-time';
import { offerStatus } from '../lib/offer-status';
import { ClientNameAndContact } from './client-name-and-contact';
import styles from './unconfirmed-appointments.module.css';

interface OffersWaitingSectionProps {
  /** undefined while loading. */
  rows: readonly OfferedRequest[] | undefined;
  error: Error | null;
  onRetry: () => void;
  now: Date;
}

/**
 * The requests whose client was offered other times and has not picked yet: which times, who
 * offered them and when, and until when the client can pick. Staff cannot confirm or decline the
 * original time any more (the client answers from their email), so there are no actions; an offer
 * nobody picks expires, and the client is told.
 */
export function OffersWaitingSection({ rows, error, onRetry, now }: OffersWaitingSectionProps) {
  const columns: DataColumn<OfferedRequest>[] = [
    {
      id: 'client',
      header: 'Client',
      cell: (r) => (
        <>
          <ClientNameAndContact client={r} />
          <span className={styles.reason}>Source: {sourceWords(r)}</span>
        </>
      ),
    },
    {
      id: 'requested',
      header: 'Requested time',
      cell: (r) => (
        <>
          {formatAppointmentTime(r.slot_start, { officeTimeZone: r.time_zone, officeName: r.location_name })}
          <span className={styles.contact}>
            {' '}
            with {r.therapist_first_name} {r.therapist_last_name}
          </span>
        </>
      ),
    },
    {
      id: 'offered',
      header: 'Times offered',
      cell: (r) => (
        <ul className={styles.offeredTimes}>
          {r.offered_times.map((t) => (
            <li key={`${t.therapist_id}-${t.starts_at}`}>{offeredTimeWords(t, r.therapist_id)}</li>
          ))}
        </ul>
      ),
    },
    {
      id: 'offeredBy',
      header: 'Offered',
      cell: (r) => (
        <>
          {formatWhen(r.offered_at, r.time_zone)}
          <span className={styles.reason}>by {r.offered_by_name ?? 'a former staff member'}</span>
          {r.offer_message ? <span className="muted"> Note to the client: {r.offer_message}</span> : null}
        </>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (r) => {
        const status = offerStatus(r, now);
        return (
          <>
            <StatusBadge tone={status.urgency === 'normal' ? 'info' : 'warning'}>{status.label}</StatusBadge>
            <span className={styles.reason}>
              Client can pick until {formatWhen(r.expires_at, r.time_zone)}
            </span>
            <span className={styles.reason}>{status.deadline}</span>
          </>
        );
      },
    },
  ];

  return (
    <section className={styles.offers} aria-labelledby="offers-waiting-title">
      <h2 id="offers-waiting-title">Times offered — waiting for the client</h2>
      <p className={styles.intro}>
        The client was emailed a link to pick one of these times; a pick books it at once. If they do not pick
        before the offer ends, the times are released, the request expires and the client is told.
      </p>
      {error ? (
        <ErrorState title="The offers could not be loaded" error={error} onRetry={onRetry} />
      ) : (
        <DataTable
          caption={`${rows?.length ?? 0} request${rows?.length === 1 ? '' : 's'} waiting for the client, the offer ending soonest first`}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          loadingLabel="Loading offers…"
          empty="No offers are waiting for a client."
        />
      )}
    </section>
  );
}

const releasedWords: Record<NonNullable<OfferedTime['released_as']>, string> = {
  picked: 'picked',
  lost: 'taken by someone else',
  not_picked: 'not picked',
  expired: 'expired',
  withdrawn: 'withdrawn',
};

/** One offered time: when and where, with whom when it is another therapist, and whether it is still held. */
function offeredTimeWords(t: OfferedTime, requestTherapistId: string): string {
  const when = formatAppointmentTime(t.starts_at, {
    officeTimeZone: t.time_zone,
    officeName: t.location_name,
  });
  const who = t.therapist_id === requestTherapistId ? '' : ` with ${t.therapist_name}`;
  const state = t.released_as ? ` (${releasedWords[t.released_as]})` : '';
  return `${when}${who}${state}`;
}
