import { Fragment, useId, useMemo, useState } from 'react';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { usePageTitle } from '@/components/ui/use-page-title';
import { formatDateTime } from '@/lib/datetime';
import { errorMessage } from '@/lib/errors';
import { useMembership } from '@/lib/membership/membership-context';
import { useDecideRequest } from '../api/decide-request';
import { useUnconfirmedAppointments, type UnconfirmedRequest } from '../api/get-unconfirmed-appointments';
import { requestActions, timeLeft } from '../lib/time-left';
import { DecisionDialog } from './decision-dialog';
import { RequestDetails } from './request-details';

/** Schedule › Unconfirmed Appointments: every pending request the viewer may decide. */
export function UnconfirmedAppointmentsPage() {
  usePageTitle('Unconfirmed Appointments');
  const { organization } = useMembership();
  const queue = useUnconfirmedAppointments(organization.id);
  const decide = useDecideRequest(organization.id);
  const [therapist, setTherapist] = useState('');
  const [source, setSource] = useState('');
  const [open, setOpen] = useState<{ kind: 'confirm' | 'decline'; request: UnconfirmedRequest } | null>(null);
  const [done, setDone] = useState('');
  const [expanded, setExpanded] = useState<string | null>(null);
  const filterId = useId();
  const now = new Date();

  const requests = useMemo(() => queue.data ?? [], [queue.data]);
  const therapists = useMemo(
    () =>
      [
        ...new Map(
          requests.map((r) => [r.therapist_id, `${r.therapist_last_name}, ${r.therapist_first_name}`]),
        ).entries(),
      ].sort((a, b) => a[1].localeCompare(b[1])),
    [requests],
  );
  const sources = useMemo(() => [...new Set(requests.map((r) => r.source_label))].sort(), [requests]);
  const shown = requests.filter(
    (r) => (!therapist || r.therapist_id === therapist) && (!source || r.source_label === source),
  );

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
  };
  const onDecided = (message: string) => {
    setDone(message);
    close();
  };

  return (
    <section className="page" aria-labelledby="unconfirmed-title">
      <p className="eyebrow">Schedule</p>
      <h1 id="unconfirmed-title">Unconfirmed Appointments</h1>
      <p>
        Answer each request within 48 hours, or before its time begins when that is sooner; after that it
        expires and the client is told. Times are shown in your time zone.
      </p>
      <p role="status" className="status-line">
        {done}
      </p>

      <div className="filters" role="group" aria-label="Filter requests">
        <label htmlFor={`${filterId}-therapist`}>Therapist</label>
        <select id={`${filterId}-therapist`} value={therapist} onChange={(e) => setTherapist(e.target.value)}>
          <option value="">All therapists</option>
          {therapists.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${filterId}-source`}>Source</label>
        <select id={`${filterId}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="">All sources</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>

      {queue.isPending ? <LoadingState label="Loading requests…" /> : null}
      {queue.isError ? (
        <ErrorState
          title="The requests could not be loaded"
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : null}
      {queue.isSuccess && shown.length === 0 ? (
        <p>
          {requests.length ? 'No requests match these filters.' : 'No requests are waiting for an answer.'}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-wrapper">
          <table>
            <caption>
              {shown.length} pending request{shown.length === 1 ? '' : 's'}, the most urgent first
            </caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Requested time</th>
                <th scope="col">Therapist</th>
                <th scope="col">Source</th>
                <th scope="col">Arrived</th>
                <th scope="col">Time left</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const left = timeLeft(r.expires_at, now);
                const client = `${r.first_name} ${r.last_name}`;
                return (
                  <Fragment key={r.id}>
                    <tr>
                      <td>
                        <strong>{client}</strong>
                        <br />
                        {r.email} · {r.phone}
                        {r.note ? (
                          <>
                            <br />
                            <span className="muted">Note: {r.note}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {formatDateTime(r.slot_start)}
                        {r.location_name ? (
                          <>
                            <br />
                            {r.location_name}
                          </>
                        ) : null}
                      </td>
                      <td>
                        {r.therapist_first_name} {r.therapist_last_name}
                      </td>
                      <td>{r.source_label}</td>
                      <td>{formatDateTime(r.created_at)}</td>
                      <td>
                        {left.urgent ? <strong className="urgent">Urgent: {left.label}</strong> : left.label}
                      </td>
                      <td>
                        <button
                          type="button"
                          aria-expanded={expanded === r.id}
                          aria-controls={`details-${r.id}`}
                          onClick={() => setExpanded(expanded === r.id ? null : r.id)}
                        >
                          {`Details for ${client}`}
                        </button>
                        {requestActions({ expires_at: r.expires_at }, now).map((kind) => (
                          <button key={kind} type="button" onClick={() => setOpen({ kind, request: r })}>
                            {kind === 'confirm' ? `Confirm ${client}` : `Decline ${client}`}
                          </button>
                        ))}
                      </td>
                    </tr>
                    {expanded === r.id ? (
                      <tr id={`details-${r.id}`}>
                        <td colSpan={7}>
                          <RequestDetails orgId={organization.id} request={r} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {open ? (
        <DecisionDialog
          kind={open.kind}
          request={open.request}
          pending={decide.isPending}
          error={decide.error ? errorMessage(decide.error) : null}
          onClose={close}
          onConfirm={() =>
            decide.mutate(
              { kind: 'confirm', requestId: open.request.id },
              {
                onSuccess: () =>
                  onDecided(
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
