import { useEffect, useRef } from 'react';
import { formatDateTime } from '@/lib/datetime';
import type { PortalRequestCreated } from '../schemas';

interface RequestSentProps {
  clinicName: string;
  created: PortalRequestCreated;
  email: string;
}

/** The confirmation after a 201: when the clinic will answer and where; nothing else the person entered is repeated. */
export function RequestSent({ clinicName, created, email }: RequestSentProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby="request-sent-heading" className="callout callout-success portal-sent">
      <h2 id="request-sent-heading" ref={headingRef} tabIndex={-1}>
        Request sent.
      </h2>
      <p>
        {clinicName} will confirm or decline within 48 hours — by{' '}
        <time dateTime={created.expires_at}>{formatDateTime(created.expires_at)}</time>.
      </p>
      <p>
        We’ll email you at <strong>{email}</strong>.
      </p>
    </section>
  );
}
