import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from '@/lib/public-router/router';
import { Button, buttonClassName } from '@/components/ui/button';
import { DialogFooter, ModalDialog } from '@/components/ui/modal-dialog';
import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import { formatAppointmentTime } from '@/lib/appointment-time';
import type {
  OfferedTime,
  RequestStatusAnswer,
} from '../../../../supabase/functions/_shared/request-status.ts';
import { useChangeRequest } from '../api/change-request';
import { useRequestStatus } from '../api/get-request-status';
import { isStatusApiError } from '../lib/status-api-error';
import { formatInWords, statusSummary, type SummaryTone } from '../lib/status-summary';
import { OfferedTimesList } from './offered-times-list';
import { StatusShell } from './status-shell';
import styles from './request-status.module.css';

/**
 * /request/status/:token — where the link in every email to a client leads (no sign-in): the one
 * request behind the link, its state in words, and what the client may do: withdraw it while it
 * waits, or pick one of the times the practice offered.
 */
export function RequestStatusPage() {
  const { token = '' } = useParams();
  const status = useRequestStatus(token);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Your appointment request';
  }, []);

  let content;
  if (status.isPending) {
    content = <p role="status">Loading your request…</p>;
  } else if (status.isError) {
    content = <LinkProblem error={status.error} onRetry={() => void status.refetch()} />;
  } else {
    content = <RequestStatus token={token} answer={status.data} headingRef={headingRef} />;
  }
  return <StatusShell>{content}</StatusShell>;
}

function LinkProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  if (isStatusApiError(error) && error.code === 'status_link_expired') {
    return (
      <div className="callout callout-info">
        <h1>This link has expired</h1>
        <p>
          Links in our emails work until two weeks after the appointment time. To make a new request, use{' '}
          {error.clinic ? `${error.clinic.name}’s` : 'the clinic’s'} request page.
        </p>
        {error.clinic ? (
          <p>
            <Link
              className={buttonClassName({ variant: 'primary' })}
              to={`/request/${encodeURIComponent(error.clinic.slug)}`}
            >
              Request an appointment with {error.clinic.name}
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  if (
    isStatusApiError(error) &&
    (error.code === 'status_link_unknown' || error.code === 'validation_failed')
  ) {
    return (
      <div className="callout callout-error">
        <h1>This link is not valid</h1>
        <p>
          It may have been cut short or changed. Open the link from your most recent email about the request
          exactly as it is. If it still does not work, contact the practice or request a new appointment from
          its website.
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className="callout callout-error">
      <h1>Your request could not be loaded</h1>
      <p>{error.message}</p>
      <Button variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}

const badgeTones: Record<SummaryTone, BadgeTone> = {
  info: 'info',
  success: 'success',
  warning: 'warning',
  neutral: 'neutral',
};

function RequestStatus({
  token,
  answer,
  headingRef,
}: {
  token: string;
  answer: RequestStatusAnswer;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { clinic, request } = answer;
  const { withdraw, pick } = useChangeRequest(token);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [picking, setPicking] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const summary = statusSummary(request, clinic.name, new Date());
  const when = formatAppointmentTime(request.starts_at, {
    officeTimeZone: request.time_zone,
    officeName: request.office_name,
  });

  // a change of state moves focus to the heading, so a screen reader says what happened
  const lastState = useRef(request.state);
  useEffect(() => {
    if (lastState.current !== request.state) headingRef.current?.focus();
    lastState.current = request.state;
  }, [request.state, headingRef]);

  const onPick = (time: OfferedTime) => {
    setPicking(time.id);
    setNotice(null);
    pick.mutate(time.id, {
      onSuccess: () => setNotice({ kind: 'success', text: 'Booked. We’ve emailed you the confirmation.' }),
      onError: (error) => setNotice({ kind: 'error', text: error.message }),
      onSettled: () => setPicking(null),
    });
  };
  const onWithdraw = () =>
    withdraw.mutate(undefined, {
      onSuccess: () => {
        setConfirmWithdraw(false);
        setNotice({ kind: 'success', text: 'Your request was withdrawn. Nothing more will happen with it.' });
      },
      onError: (error) => {
        setConfirmWithdraw(false);
        setNotice({ kind: 'error', text: error.message });
      },
    });

  const showOffer =
    request.offer && (request.state === 'alternatives_offered' || request.offer.times.length > 0);
  return (
    <>
      <p>
        <StatusBadge tone={badgeTones[summary.tone]}>{summary.badge}</StatusBadge>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {summary.title}
      </h1>
      <p>{summary.detail}</p>
      {notice ? (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`callout callout-${notice.kind}`}>
          {notice.text}
        </p>
      ) : null}

      {showOffer && request.offer && request.state === 'alternatives_offered' ? (
        <section className={styles.section} aria-labelledby="offered-heading">
          <h2 id="offered-heading">Times offered to you</h2>
          {request.offer.message ? (
            <blockquote className={styles.message}>
              <p>
                <strong>Message from {clinic.name}:</strong> {request.offer.message}
              </p>
            </blockquote>
          ) : null}
          <OfferedTimesList
            times={request.offer.times}
            canPick={summary.canPick}
            picking={picking}
            onPick={onPick}
          />
        </section>
      ) : null}

      <section className={styles.section} aria-labelledby="request-heading">
        <h2 id="request-heading">
          {request.state === 'confirmed'
            ? 'Your appointment'
            : request.state === 'alternatives_offered'
              ? 'What you asked for'
              : 'Your request'}
        </h2>
        <dl className={styles.details}>
          <dt>Practice</dt>
          <dd>{clinic.name}</dd>
          <dt>Therapist</dt>
          <dd>{request.therapist_name}</dd>
          <dt>When</dt>
          <dd>
            <time dateTime={request.starts_at}>{when}</time>
          </dd>
          <dt>Where</dt>
          <dd>{formatInWords(request)}</dd>
          {request.office_phone ? (
            <>
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${request.office_phone.replace(/[^+0-9]/g, '')}`}>{request.office_phone}</a>
              </dd>
            </>
          ) : null}
          {request.state === 'pending' || request.state === 'alternatives_offered' ? (
            <>
              <dt>{request.state === 'pending' ? 'Answer due by' : 'Pick a time by'}</dt>
              <dd>
                <time dateTime={request.expires_at}>
                  {formatAppointmentTime(request.expires_at, { officeTimeZone: request.time_zone })}
                </time>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <div className={styles.actions}>
        {summary.canWithdraw ? (
          <Button variant="danger" onClick={() => setConfirmWithdraw(true)}>
            Withdraw my request
          </Button>
        ) : null}
        {['declined', 'expired', 'withdrawn'].includes(request.state) ? (
          <Link
            className={buttonClassName({ variant: 'secondary' })}
            to={`/request/${encodeURIComponent(clinic.slug)}`}
          >
            Request another time
          </Link>
        ) : null}
      </div>

      {confirmWithdraw ? (
        <ModalDialog
          title="Withdraw your request?"
          onClose={() => setConfirmWithdraw(false)}
          busy={withdraw.isPending}
          alert
        >
          <p>
            {request.state === 'alternatives_offered'
              ? `The times ${clinic.name} offered you are released, and the practice is told you withdrew.`
              : `${clinic.name} will no longer answer your request for ${when}, and the time is released.`}{' '}
            This cannot be undone; you can make a new request afterwards.
          </p>
          <DialogFooter>
            <Button
              variant="secondary"
              onClick={() => setConfirmWithdraw(false)}
              disabled={withdraw.isPending}
            >
              Keep my request
            </Button>
            <Button
              variant="danger"
              onClick={() => !withdraw.isPending && onWithdraw()}
              aria-disabled={withdraw.isPending}
            >
              {withdraw.isPending ? 'Withdrawing…' : 'Withdraw request'}
            </Button>
          </DialogFooter>
        </ModalDialog>
      ) : null}
    </>
  );
}
