import { useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, sortRows, type DataColumn, type SortState } from '@/components/ui/data-table';
import { ErrorState } from '@/components/ui/status';
import { StatusBadge } from '@/components/ui/status-badge';
import { usePageTitle } from '@/components/ui/use-page-title';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { errorMessage } from '@/lib/errors';
import { useMembership } from '@/lib/membership/membership-context';
import { useDecideRequest } from '../api/decide-request';
import { useOfferedRequests } from '../api/get-offered-requests';
import { useOfferTimes } from '../api/offer-times';
import {
  sourceWords,
  useUnconfirmedAppointments,
  type UnconfirmedRequest,
} from '../api/get-unconfirmed-appointments';
import { formatWhen } from '../lib/display-time';
import { timeLeft, type Urgency } from '@/lib/time-left';
import { requestActions, type RequestAction } from '../lib/request-actions';
import { DecisionDialog } from './decision-dialog';
import { OfferTimesDialog } from './offer-times-dialog';
import { OffersWaitingSection } from './offers-waiting-section';
import { QueueHeader } from './queue-header';
import { RequestDetails } from './request-details';
import { ClientNameAndContact } from './client-name-and-contact';
import styles from './unconfirmed-appointments.module.css';

/**
 * Schedule › Unconfirmed Appointments: every pending request the viewer may decide, and under them
 * the requests whose client was offered other times and has not picked yet.
 */
export function UnconfirmedAppointmentsPage() {
  usePageTitle('Unconfirmed Appointments');
  const { organization } = useMembership();
  const queue = useUnconfirmedAppointments(organization.id);
  const offers = useOfferedRequests(organization.id);
  const decide = useDecideRequest(organization.id);
  const offer = useOfferTimes(organization.id);
  const [therapist, setTherapist] = useState('');
  const [source, setSource] = useState('');
  const [open, setOpen] = useState<{ kind: RequestAction; request: UnconfirmedRequest } | null>(null);
  const [done, setDone] = useState('');
  const [expanded, setExpanded] = useState<string | null>(null);
  // requests decided here leave the list at once (the refetch confirms it)
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  // after a decision, focus goes to the next row's Confirm (or the empty state): the element's id
  const focusAfterDecision = useRef<string | null>(null);
  const filterId = useId();
  const now = new Date();

  const requests = useMemo(() => (queue.data ?? []).filter((r) => !decided.has(r.id)), [queue.data, decided]);
  const therapists = useMemo(
    () =>
      [
        ...new Map(
          [...requests, ...(offers.data ?? [])].map((r) => [
            r.therapist_id,
            `${r.therapist_last_name}, ${r.therapist_first_name}`,
          ]),
        ).entries(),
      ].sort((a, b) => a[1].localeCompare(b[1])),
    [requests, offers.data],
  );
  const sources = useMemo(
    () => [...new Set([...requests, ...(offers.data ?? [])].map((r) => r.source_label))].sort(),
    [requests, offers.data],
  );
  const shown = requests.filter(
    (r) => (!therapist || r.therapist_id === therapist) && (!source || r.source_label === source),
  );
  const [sort, setSort] = useState<SortState>({ id: 'timeLeft', desc: false });
  const sorted = sortRows(shown, sort, sortValue);

  // the filters sit in their columns' headers; the column's name is right above each
  const therapistFilter = (
    <>
      <label htmlFor={`${filterId}-therapist`} className="visually-hidden">
        Therapist
      </label>
      <select id={`${filterId}-therapist`} value={therapist} onChange={(e) => setTherapist(e.target.value)}>
        <option value="">All therapists</option>
        {therapists.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </>
  );
  const sourceFilter = (
    <>
      <label htmlFor={`${filterId}-source`} className="visually-hidden">
        Source
      </label>
      <select id={`${filterId}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
        <option value="">All sources</option>
        {sources.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </>
  );
  const columns: DataColumn<UnconfirmedRequest>[] = [
    {
      id: 'client',
      header: 'Client',
      sortable: true,
      cell: (r) => (
        <>
          <ClientNameAndContact client={r} />
          {r.note ? <span className="muted"> Note: {r.note}</span> : null}
        </>
      ),
    },
    {
      id: 'requested',
      header: 'Requested time',
      sortable: true,
      cell: (r) =>
        formatAppointmentTime(r.slot_start, { officeTimeZone: r.time_zone, officeName: r.location_name }),
    },
    {
      id: 'therapist',
      header: 'Therapist',
      filter: therapistFilter,
      cell: (r) => `${r.therapist_first_name} ${r.therapist_last_name}`,
    },
    { id: 'source', header: 'Source', filter: sourceFilter, cell: (r) => sourceWords(r) },
    { id: 'arrived', header: 'Arrived', sortable: true, cell: (r) => formatWhen(r.created_at, r.time_zone) },
    {
      id: 'timeLeft',
      header: 'Time left',
      sortable: true,
      cell: (r) => {
        const left = timeLeft(r.expires_at, now);
        return left.urgency === 'normal' ? (
          left.label
        ) : (
          <StatusBadge tone={urgencyTone[left.urgency]}>{left.label}</StatusBadge>
        );
      },
    },
  ];

  if (!organization.referral_program_enabled) {
    return (
      <section className="page" aria-labelledby="unconfirmed-title">
        <h1 id="unconfirmed-title">Unconfirmed Appointments</h1>
        <p className="callout callout-info">
          The Client Referral Program is not available to your clinic yet.
        </p>
      </section>
    );
  }

  const close = () => {
    setOpen(null);
    decide.reset();
    offer.reset();
  };
  const onDecided = (request: UnconfirmedRequest, message: string) => {
    const at = sorted.findIndex((r) => r.id === request.id);
    const next = sorted[at + 1] ?? sorted[at - 1];
    focusAfterDecision.current = next ? `confirm-${next.id}` : emptyStateId;
    setDecided((d) => new Set(d).add(request.id));
    setDone(message);
    close();
  };

  return (
    <section className="page" aria-labelledby="unconfirmed-title">
      <QueueHeader />
      <p className={styles.intro}>
        Answer each request within 48 hours, or before its time begins when that is sooner; after that it
        expires and the client is told. Times are shown in your time zone. Decided requests move to the
        Handled tab; requests you offered other times for wait below until the client picks one.
      </p>
      <p role="status" className={done ? 'callout callout-success' : 'visually-hidden'}>
        {done}
      </p>

      {queue.isError ? (
        <ErrorState
          title="The requests could not be loaded"
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : (
        <DataTable
          caption={`${shown.length} pending request${shown.length === 1 ? '' : 's'}, ${
            sort.id === 'timeLeft' && !sort.desc ? 'the most urgent first' : sortedByText(sort)
          }`}
          columns={columns}
          rows={queue.isPending ? undefined : sorted}
          rowKey={(r) => r.id}
          sort={sort}
          onSortChange={setSort}
          loadingLabel="Loading requests…"
          empty={
            <span id={emptyStateId} tabIndex={-1} className={styles.emptyFocus}>
              {requests.length
                ? 'No requests match these filters.'
                : 'No requests are waiting for an answer.'}
            </span>
          }
          rowActions={(r) => {
            const client = `${r.first_name} ${r.last_name}`;
            return (
              <>
                <Button
                  size="small"
                  variant="quiet"
                  aria-expanded={expanded === r.id}
                  aria-controls={`details-${r.id}`}
                  aria-label={`Details of ${client}’s request`}
                  onClick={() => setExpanded(expanded === r.id ? null : r.id)}
                >
                  Details
                </Button>
                {requestActions({ expires_at: r.expires_at }, now).map((kind) => (
                  <Button
                    key={kind}
                    id={`${kind}-${r.id}`}
                    size="small"
                    variant={actionLooks[kind].variant}
                    aria-label={actionLooks[kind].ariaLabel(client)}
                    onClick={() => setOpen({ kind, request: r })}
                  >
                    {actionLooks[kind].label}
                  </Button>
                ))}
              </>
            );
          }}
          details={(r) => (expanded === r.id ? <RequestDetails orgId={organization.id} request={r} /> : null)}
          detailsId={(r) => `details-${r.id}`}
        />
      )}

      <OffersWaitingSection
        rows={offers.data?.filter(
          (r) => (!therapist || r.therapist_id === therapist) && (!source || r.source_label === source),
        )}
        error={offers.error}
        onRetry={() => void offers.refetch()}
        now={now}
      />

      {open?.kind === 'offer' ? (
        <OfferTimesDialog
          orgId={organization.id}
          request={open.request}
          pending={offer.isPending}
          error={offer.error ? errorMessage(offer.error) : null}
          onClose={close}
          returnFocus={() => {
            const target = focusAfterDecision.current;
            focusAfterDecision.current = null;
            return target ? document.getElementById(target) : null;
          }}
          onOffer={(form) =>
            offer.mutate(
              { requestId: open.request.id, form },
              {
                onSuccess: () =>
                  onDecided(
                    open.request,
                    `Times offered: ${open.request.first_name} ${open.request.last_name} was emailed a link to pick one; the request waits below until they do.`,
                  ),
              },
            )
          }
        />
      ) : open ? (
        <DecisionDialog
          kind={open.kind === 'confirm' ? 'confirm' : 'decline'}
          request={open.request}
          pending={decide.isPending}
          error={decide.error ? errorMessage(decide.error) : null}
          onClose={close}
          returnFocus={() => {
            const target = focusAfterDecision.current;
            focusAfterDecision.current = null;
            return target ? document.getElementById(target) : null;
          }}
          onConfirm={() =>
            decide.mutate(
              { kind: 'confirm', requestId: open.request.id },
              {
                onSuccess: () =>
                  onDecided(
                    open.request,
                    `Confirmed: ${open.request.first_name} ${open.request.last_name} is scheduled and was emailed.`,
                  ),
              },
            )
          }
          onDecline={(form) =>
            decide.mutate(
              { kind: 'decline', requestId: open.request.id, form },
              {
                onSuccess: () =>
                  onDecided(
                    open.request,
                    `Declined: ${open.request.first_name} ${open.request.last_name} was told the clinic could not accept the request.`,
                  ),
              },
            )
          }
        />
      ) : null}
    </section>
  );
}

const emptyStateId = 'unconfirmed-empty';

const actionLooks: Record<
  RequestAction,
  { label: string; variant: 'primary' | 'secondary' | 'danger'; ariaLabel: (client: string) => string }
> = {
  confirm: { label: 'Confirm', variant: 'primary', ariaLabel: (client) => `Confirm ${client}’s request` },
  offer: {
    label: 'Offer times',
    variant: 'secondary',
    ariaLabel: (client) => `Offer ${client} other times`,
  },
  decline: { label: 'Decline', variant: 'danger', ariaLabel: (client) => `Decline ${client}’s request` },
};

const urgencyTone: Record<Exclude<Urgency, 'normal'>, 'warning' | 'danger'> = {
  soon: 'warning',
  urgent: 'danger',
};

/** What a request is sorted by, for each sortable column. */
function sortValue(r: UnconfirmedRequest, columnId: string): string | number {
  switch (columnId) {
    case 'client':
      return `${r.last_name} ${r.first_name}`;
    case 'requested':
      return Date.parse(r.slot_start);
    case 'arrived':
      return Date.parse(r.created_at);
    default:
      return Date.parse(r.expires_at);
  }
}

const sortNames: Record<string, string> = {
  client: 'client',
  requested: 'requested time',
  arrived: 'arrival',
  timeLeft: 'time left',
};

function sortedByText(sort: SortState): string {
  return `sorted by ${sortNames[sort.id] ?? sort.id}${sort.desc ? ', descending' : ''}`;
}
