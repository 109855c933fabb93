import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from '@/lib/public-router/router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { useOpenSlotAt, usePortalTherapist } from '../api/get-portal-therapist';
import { carriedParams, portalPaths } from '../lib/step-paths';
import { bookingReferralSchema, referralSourceSchema, type SentRequestSummary } from '../schemas';
import { AddressProblemPage, addressProblem } from './portal-problem';
import { PortalShell } from './portal-shell';
import { PortalSteps } from './portal-steps';
import { RequestStep } from './request-step';
import styles from './client-portal.module.css';

/**
 * Third step (/request/:clinicSlug/therapists/:therapistId/request?slot=…): the chosen time and the
 * request form. The time comes from the address (a shared link, a refresh, a payer's deep link),
 * so it is looked up again: a time no longer open says so and leads back to the therapist's times.
 */
export function RequestDetailsPage() {
  const { clinicSlug = '', therapistId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const carried = useMemo(() => carriedParams(searchParams), [searchParams]);
  const slotParam = searchParams.get('slot') ?? '';
  const slotStart = Number.isNaN(Date.parse(slotParam)) ? '' : new Date(slotParam).toISOString();
  // a payer's source and booking-referral go with the request only when they pass the request's own schema
  const referral = useMemo(() => {
    const source = referralSourceSchema.safeParse(carried.get('source'));
    const booking = bookingReferralSchema.safeParse(carried.get('booking-referral'));
    return {
      referral_source: source.success ? source.data : undefined,
      booking_referral: booking.success ? booking.data : undefined,
    };
  }, [carried]);
  const page = usePortalTherapist(clinicSlug, therapistId);
  const slot = useOpenSlotAt(clinicSlug, therapistId, slotStart);
  const problem = page.isError ? addressProblem(page.error) : null;
  const timesPath = portalPaths.times(clinicSlug, therapistId, carried);

  useEffect(() => {
    if (page.data) document.title = `Your details · ${page.data.clinic.name}`;
  }, [page.data]);

  if (problem) {
    return (
      <PortalShell>
        <AddressProblemPage problem={problem} therapistsPath={portalPaths.therapists(clinicSlug, carried)} />
      </PortalShell>
    );
  }

  const onSent = (summary: SentRequestSummary) =>
    void navigate(portalPaths.sent(clinicSlug), { replace: true, state: summary });

  return (
    <PortalShell>
      <div className={styles.portalPage}>
        <p className="eyebrow">{page.data ? page.data.clinic.name : 'Request an appointment'}</p>
        <h1>
          {page.data
            ? `Request a time with ${page.data.therapist.first_name} ${page.data.therapist.last_name}`
            : 'Request a time'}
        </h1>
        <PortalSteps current="Your details" />
        {page.isPending || (slotStart && slot.isPending) ? (
          <LoadingState label="Loading the time you chose…" />
        ) : null}
        {page.isError ? (
          <ErrorState
            title="The therapist could not be loaded."
            error={page.error}
            onRetry={() => void page.refetch()}
          />
        ) : null}
        {slot.isError ? (
          <ErrorState
            title="The time could not be checked."
            error={slot.error}
            onRetry={() => void slot.refetch()}
          />
        ) : null}
        {page.data && (!slotStart || (slot.isSuccess && slot.data === null)) ? (
          <div className="callout" role="status">
            <p className="callout-title">This time is no longer open.</p>
            <p>Someone may have requested it, or it is now too soon to request online.</p>
            <p>
              <Link className={styles.portalTextLink} to={timesPath}>
                Choose another time
              </Link>
            </p>
          </div>
        ) : null}
        {page.data && slot.data ? (
          <RequestStep
            clinicSlug={clinicSlug}
            clinic={page.data.clinic}
            therapist={page.data.therapist}
            slot={slot.data}
            referral={referral}
            timesPath={timesPath}
            detailsPath={(next) => portalPaths.details(clinicSlug, therapistId, next.start, carried)}
            onSent={onSent}
          />
        ) : null}
      </div>
    </PortalShell>
  );
}
