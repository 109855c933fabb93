import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from '@/lib/public-router/router';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { formatDateTime } from '@/lib/datetime';
import { portalPaths } from '../lib/step-paths';
import type { SentRequestSummary } from '../schemas';
import { PortalShell } from './portal-shell';
import { PortalSteps } from './portal-steps';
import styles from './client-portal.module.css';
import stepStyles from './client-portal-steps.module.css';

/** The clinic's 48 hours start when the person confirms their email (the deadline is earlier if the time starts first). */
const answerHours = 48;

/** A summary from the history entry, or null (a shared link, another browser, an old entry). */
function summaryOf(state: unknown): SentRequestSummary | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Partial<SentRequestSummary>;
  return typeof s.clinicName === 'string' &&
    typeof s.slot?.start === 'string' &&
    typeof s.created?.expires_at === 'string'
    ? (s as SentRequestSummary)
    : null;
}

/**
 * Last step (/request/:clinicSlug/sent): the request waits for the person's email confirmation.
 * Repeats the whole request (therapist, office or telehealth, time in the office's zone, insurance)
 * and both deadlines: the link's, and the clinic's 48 hours. What it repeats lives in the browser's
 * history entry (a refresh keeps it), never in the address.
 */
export function RequestSentPage() {
  const { clinicSlug = '' } = useParams();
  const summary = summaryOf(useLocation().state);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = summary ? `Check your email · ${summary.clinicName}` : 'Check your email';
    headingRef.current?.focus();
  }, [summary]);

  return (
    <PortalShell>
      <div className={styles.portalPage}>
        <p className="eyebrow">{summary ? summary.clinicName : 'Request an appointment'}</p>
        <h1 ref={headingRef} tabIndex={-1}>
          Check your email to confirm your request
        </h1>
        <PortalSteps current="Sent" />
        {summary ? (
          <SentDetails summary={summary} />
        ) : (
          <p>
            If you sent a request, we emailed you a link to confirm it. The details of a request are shown
            only in the browser that sent it.
          </p>
        )}
        <p>
          <Link
            className={styles.portalTextLink}
            to={portalPaths.therapists(clinicSlug, new URLSearchParams())}
          >
            Back to the clinic’s therapists
          </Link>
        </p>
      </div>
    </PortalShell>
  );
}

function SentDetails({ summary }: { summary: SentRequestSummary }) {
  const { created, slot } = summary;
  const minutes = Math.max(
    1,
    Math.round((Date.parse(created.expires_at) - Date.parse(created.created_at)) / 60_000),
  );
  // if confirmed now: 48 hours from now, or the appointment's start if that comes first
  const deadline = Date.parse(created.created_at) + answerHours * 3_600_000;
  const beginsFirst = Date.parse(slot.start) <= deadline;
  const answerBy = new Date(deadline).toISOString();
  const officeTime = { officeTimeZone: slot.time_zone, officeName: slot.office_name };

  return (
    <section aria-labelledby="sent-request-heading" className={`${stepStyles.portalSent} callout`}>
      <p>
        We sent a link to <strong>{summary.email}</strong>. Open it within {minutes} minutes — by{' '}
        <time dateTime={created.expires_at}>{formatDateTime(created.expires_at)}</time> — to send your request
        to {summary.clinicName}. Until then the time is held for you; if you don’t confirm, it is released and
        nothing is sent.
      </p>
      <h2 id="sent-request-heading">Your request</h2>
      <dl className={stepStyles.portalChosen}>
        <div>
          <dt>Practice</dt>
          <dd>{summary.clinicName}</dd>
        </div>
        <div>
          <dt>Therapist</dt>
          <dd>{summary.therapistName}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            <time dateTime={slot.start}>{formatAppointmentTime(slot.start, officeTime)}</time>
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {summary.sessionFormat === 'telehealth'
              ? 'Telehealth (a video call)'
              : `In person at ${summary.officeName ?? slot.office_name}`}
          </dd>
        </div>
        <div>
          <dt>Insurance</dt>
          <dd>{summary.insuranceName ?? 'None given'}</dd>
        </div>
      </dl>
      <h2>What happens next</h2>
      <p>
        Once you confirm, {summary.clinicName} has {answerHours} hours to confirm or decline
        {beginsFirst ? (
          <> — or until the appointment begins, which is sooner.</>
        ) : (
          <>
            {' '}
            — if you confirm now, by{' '}
            <time dateTime={answerBy}>{formatAppointmentTime(answerBy, officeTime)}</time> at the latest.
          </>
        )}{' '}
        We email you their answer. No email from us? Check your spam folder, or check the address and request
        the time again.
      </p>
    </section>
  );
}
