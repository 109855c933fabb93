import { useEffect, useRef } from 'react';
import { formatDateTime } from '@/lib/datetime';
import { formatAppointmentTime } from '@/lib/appointment-time';
import type { PortalRequestCreated, PortalSlot } from '../schemas';
import styles from './client-portal.module.css';

interface RequestSentProps {
  clinicName: string;
  created: PortalRequestCreated;
  slot: PortalSlot;
  email: string;
}

/**
 * After a 201: the request waits for the person's email confirmation. Says where the link went,
 * by when to follow it, and repeats the practice and the time; nothing else the person entered.
 */
export function RequestSent({ clinicName, created, slot, email }: RequestSentProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const minutes = Math.max(
    1,
    Math.round((Date.parse(created.expires_at) - Date.parse(created.created_at)) / 60_000),
  );

  return (
    <section aria-labelledby="request-sent-heading" className={`${styles.portalSent} callout`}>
      <h2 id="request-sent-heading" ref={headingRef} tabIndex={-1}>
        Check your email to confirm your request
      </h2>
      <p>
        We sent a link to <strong>{email}</strong>. Open it within {minutes} minutes — by{' '}
        <time dateTime={created.expires_at}>{formatDateTime(created.expires_at)}</time> — to send your request
        to {clinicName}.
      </p>
      <dl className={styles.portalChosen}>
        <div>
          <dt>Practice</dt>
          <dd>{clinicName}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            <time dateTime={slot.start}>
              {formatAppointmentTime(slot.start, {
                officeTimeZone: slot.time_zone,
                officeName: slot.office_name,
              })}
            </time>
          </dd>
        </div>
      </dl>
      <p>
        Until then the time is held for you. If you don’t confirm within {minutes} minutes, it is released and
        nothing is sent to {clinicName}. No email? Check your spam folder, or check that the address is right
        and request the time again.
      </p>
    </section>
  );
}
