import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from '@/lib/public-router/router';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { useVerifyPortalRequest } from '../api/verify-portal-request';
import { tokenFromLocation, verificationProblem } from '../lib/verification';
import type { PortalRequestVerified } from '../schemas';
import { PortalShell } from './portal-shell';
import { buttonClassName } from '@/components/ui/button';
import styles from './client-portal.module.css';
import stepStyles from './client-portal-steps.module.css';

/**
 * /request/:clinicSlug/verify#token=… — where the verification email's link leads. The person
 * confirms with a button (not on load), so a mail scanner that opens links cannot confirm for them.
 */
export function VerifyRequestPage() {
  const { clinicSlug = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // read once; then the token leaves the address bar (and the history), so it is not shared by accident
  const [token] = useState(() => tokenFromLocation(location.hash, location.search));
  useEffect(() => {
    if (location.hash || location.search) void navigate(location.pathname, { replace: true });
  }, [location.hash, location.search, location.pathname, navigate]);

  const verify = useVerifyPortalRequest(clinicSlug);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const outcome = verify.isSuccess ? 'done' : verify.isError ? verificationProblem(verify.error).kind : 'ask';
  useEffect(() => {
    document.title = 'Confirm your appointment request';
  }, []);
  // a new outcome moves focus to its heading, so screen-reader users hear it
  useEffect(() => {
    if (outcome !== 'ask') headingRef.current?.focus();
  }, [outcome]);

  const requestAgain = (
    <p>
      <Link
        className={buttonClassName({ variant: 'secondary' })}
        to={`/request/${encodeURIComponent(clinicSlug)}`}
      >
        Choose a time again
      </Link>
    </p>
  );

  let content;
  if (!token) {
    content = (
      <>
        <h1>This link is incomplete</h1>
        <p>Open the link from the email exactly as it is. If it still does not work, request a time again.</p>
        {requestAgain}
      </>
    );
  } else if (verify.isSuccess) {
    content = <Verified ref={headingRef} verified={verify.data} />;
  } else if (verify.isError && verificationProblem(verify.error).kind === 'link') {
    const problem = verificationProblem(verify.error) as { title: string; message: string; final: boolean };
    content = (
      <div role="alert" className={`${stepStyles.portalVerifyResult} callout callout-error`}>
        <h1 ref={headingRef} tabIndex={-1}>
          {problem.title}
        </h1>
        <p>{problem.message}</p>
        {problem.final ? null : requestAgain}
      </div>
    );
  } else {
    const retry = verify.isError ? verificationProblem(verify.error) : null;
    content = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          Confirm your appointment request
        </h1>
        <p>Select the button to confirm your email address and send your request to the practice.</p>
        {retry ? (
          <p role="alert" className="callout callout-error">
            {retry.message}
          </p>
        ) : null}
        <button
          type="button"
          className={buttonClassName({ variant: 'primary' })}
          disabled={verify.isPending}
          onClick={() => verify.mutate(token)}
        >
          {verify.isPending ? 'Confirming…' : 'Confirm my request'}
        </button>
      </>
    );
  }

  return (
    <PortalShell>
      <div className={`${styles.portalPage} ${stepStyles.portalVerify}`}>{content}</div>
    </PortalShell>
  );
}

function Verified({
  verified,
  ref,
}: {
  verified: PortalRequestVerified;
  ref: React.Ref<HTMLHeadingElement>;
}) {
  return (
    <section
      aria-labelledby="verified-heading"
      className={`${stepStyles.portalVerifyResult} callout callout-success`}
    >
      <h1 id="verified-heading" ref={ref} tabIndex={-1}>
        Request sent to {verified.clinic.name}
      </h1>
      <p>
        Thank you for confirming your email. Your request for{' '}
        <time dateTime={verified.slot_start}>
          {formatAppointmentTime(verified.slot_start, { officeTimeZone: verified.time_zone })}
        </time>{' '}
        is now with {verified.clinic.name}.
      </p>
      {/* a request for a time sooner than 48 hours away can be answered only until that time begins */}
      {Date.parse(verified.expires_at) >= Date.parse(verified.slot_start) ? (
        <p>
          {verified.clinic.name} will confirm or decline before the requested time begins. We’ll email you
          their answer.
        </p>
      ) : (
        <p>
          {verified.clinic.name} will confirm or decline within 48 hours — by{' '}
          <time dateTime={verified.expires_at}>
            {formatAppointmentTime(verified.expires_at, { officeTimeZone: verified.time_zone })}
          </time>
          . We’ll email you their answer.
        </p>
      )}
    </section>
  );
}
