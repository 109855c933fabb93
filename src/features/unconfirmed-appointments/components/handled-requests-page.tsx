import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { DateTimeField, SelectField } from '@/components/ui/field';
import { ErrorState } from '@/components/ui/status';
import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import { usePageTitle } from '@/components/ui/use-page-title';
import { useMembership } from '@/lib/membership/membership-context';
import { useHandledRequests, type HandledRequest } from '../api/get-handled-requests';
import { useHistoryChoices } from '../api/get-history-choices';
import type { HandledCursor } from '../keys';
import { formatWhen } from '../lib/display-time';
import { noFilters, outcomes, type HandledFilters, type Outcome } from '../lib/handled-filters';
import { durationInWords } from '@/lib/time-left';
import { declineReasons, type DeclineReason } from '../schemas';
import { QueueHeader } from './queue-header';
import styles from './unconfirmed-appointments.module.css';

const outcomeTone: Record<Outcome, BadgeTone> = {
  confirmed: 'success',
  declined: 'danger',
  expired: 'warning',
  withdrawn: 'neutral',
};

/** Schedule › Unconfirmed Appointments › Handled: the requests that left the queue, newest first, a page at a time. */
export function HandledRequestsPage() {
  usePageTitle('Handled requests');
  const { organization } = useMembership();
  const [filters, setFilters] = useState<HandledFilters>(noFilters);
  // the cursors of the pages before this one (keyset paging goes forward; Previous pops)
  const [cursors, setCursors] = useState<(HandledCursor | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const history = useHandledRequests(organization.id, filters, cursor);
  const choices = useHistoryChoices(organization.id);
  const filterId = useId();

  const setFilter = <K extends keyof HandledFilters>(key: K, value: HandledFilters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setCursors([null]);
  };
  const filtered = Object.values(filters).some(Boolean);
  const page = cursors.length;

  const columns: DataColumn<HandledRequest>[] = [
    {
      id: 'client',
      header: 'Client',
      rowHeader: true,
      cell: (r) => (
        <span className={styles.client}>
          {r.first_name} {r.last_name}
        </span>
      ),
    },
    {
      id: 'outcome',
      header: 'Outcome',
      cell: (r) => {
        const reason = reasonText(r);
        return (
          <>
            <StatusBadge tone={outcomeTone[r.status]}>{outcomes[r.status]}</StatusBadge>
            {reason ? <span className={styles.reason}>Reason: {reason}</span> : null}
          </>
        );
      },
    },
    {
      id: 'requested',
      header: 'Requested time',
      cell: (r) => formatWhen(r.slot_start, r.time_zone, r.location_name),
    },
    {
      id: 'therapist',
      header: 'Therapist',
      cell: (r) => `${r.therapist_first_name} ${r.therapist_last_name}`,
    },
    { id: 'source', header: 'Source', cell: (r) => r.source_label },
    {
      id: 'handled',
      header: 'Handled',
      cell: (r) => (
        <>
          {handledBy(r)}
          <br />
          <time dateTime={r.handled_at}>{formatWhen(r.handled_at, r.time_zone)}</time>
        </>
      ),
    },
    {
      id: 'waited',
      header: 'Time to decision',
      cell: (r) =>
        r.status === 'confirmed' || r.status === 'declined'
          ? durationInWords(Math.max(0, Date.parse(r.handled_at) - Date.parse(r.arrived_at)))
          : 'No decision',
    },
  ];

  return (
    <section className="page" aria-labelledby="unconfirmed-title">
      <QueueHeader />
      <p className={styles.intro}>
        Requests that left the queue: confirmed, declined, expired or withdrawn, the most recent first.
        Decline reasons are internal to the clinic.
      </p>

      <form
        className={styles.filters}
        aria-label="Filter handled requests"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id={`${filterId}-outcome`}
          label="Outcome"
          value={filters.outcome}
          onChange={(e) => setFilter('outcome', e.target.value as HandledFilters['outcome'])}
        >
          <option value="">All outcomes</option>
          {Object.entries(outcomes).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${filterId}-therapist`}
          label="Therapist"
          value={filters.therapist}
          onChange={(e) => setFilter('therapist', e.target.value)}
        >
          <option value="">All therapists</option>
          {(choices.data?.therapists ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${filterId}-source`}
          label="Source"
          value={filters.source}
          onChange={(e) => setFilter('source', e.target.value)}
        >
          <option value="">All sources</option>
          <option value="client_portal">Client Portal</option>
          {(choices.data?.payers ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <DateTimeField
          type="date"
          label="Handled from"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => setFilter('from', e.target.value)}
        />
        <DateTimeField
          type="date"
          label="Handled to"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => setFilter('to', e.target.value)}
        />
        {filtered ? (
          <Button
            variant="quiet"
            className={styles.clearFilters}
            onClick={() => {
              setFilters(noFilters);
              setCursors([null]);
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </form>

      {history.isError ? (
        <ErrorState
          title="The handled requests could not be loaded"
          error={history.error}
          onRetry={() => void history.refetch()}
        />
      ) : (
        <>
          <DataTable
            caption={`Handled requests, the most recent first, page ${page}`}
            columns={columns}
            rows={history.data?.rows}
            rowKey={(r) => r.id}
            loadingLabel="Loading handled requests…"
            empty={filtered ? 'No handled requests match these filters.' : 'No request has been handled yet.'}
          />
          {history.data && (page > 1 || history.data.next) ? (
            <nav aria-label="Pages of handled requests" className={styles.pager}>
              <Button
                variant="secondary"
                disabled={page === 1 || history.isPlaceholderData}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                Newer
              </Button>
              <span aria-live="polite">Page {page}</span>
              <Button
                variant="secondary"
                disabled={!history.data.next || history.isPlaceholderData}
                onClick={() => {
                  const next = history.data?.next;
                  if (next) setCursors((c) => [...c, next]);
                }}
              >
                Older
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Who handled it: the person who decided, or why nobody did. */
function handledBy(r: HandledRequest): string {
  switch (r.status) {
    case 'confirmed':
    case 'declined':
      return `${outcomes[r.status]} by ${r.decided_by_name ?? 'a former staff member'}`;
    case 'expired':
      return 'Expired without an answer';
    case 'withdrawn':
      return r.withdrawn_reason === 'therapist_unavailable'
        ? 'Withdrawn: the therapist left the program'
        : 'Withdrawn by the client';
  }
}

/** A declined request's internal reason (and note), or null. */
function reasonText(r: HandledRequest): string | null {
  if (r.status !== 'declined' || !r.decline_reason) return null;
  const reason = declineReasons[r.decline_reason as DeclineReason] ?? r.decline_reason;
  return r.decline_note ? `${reason}: ${r.decline_note}` : reason;
}
