import { useEffect, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from '@/lib/public-router/router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { usePortalTherapist } from '../api/get-portal-therapist';
import { useTherapistSlots } from '../api/get-therapist-slots';
import { minimumNoticeLine } from '../lib/minimum-notice';
import { carriedParams, portalPaths } from '../lib/step-paths';
import { AddressProblemPage, addressProblem } from './portal-problem';
import { PortalShell } from './portal-shell';
import { PortalSteps } from './portal-steps';
import { SlotDayList } from './slot-day-list';
import { therapistName } from './therapist-card';
import { TherapistSummary } from './therapist-summary';
import styles from './client-portal.module.css';

/** Second step (/request/:clinicSlug/therapists/:therapistId): every open time of one therapist. */
export function TherapistTimesPage() {
  const { clinicSlug = '', therapistId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const carried = useMemo(() => carriedParams(searchParams), [searchParams]);
  const page = usePortalTherapist(clinicSlug, therapistId);
  const slots = useTherapistSlots(clinicSlug, therapistId, { enabled: page.isSuccess });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problem = page.isError ? addressProblem(page.error) : null;
  const therapist = page.data?.therapist;
  const name = therapist ? therapistName(therapist) : '';

  useEffect(() => {
    if (!page.data) return;
    document.title = `Open times with ${name} · ${page.data.clinic.name}`;
    headingRef.current?.focus();
  }, [page.data, name]);

  const therapistsPath = portalPaths.therapists(clinicSlug, carried);
  if (problem) {
    return (
      <PortalShell>
        <AddressProblemPage problem={problem} therapistsPath={therapistsPath} />
      </PortalShell>
    );
  }
  const noticeLine = page.data ? minimumNoticeLine(page.data.clinic.min_notice_hours) : null;

  return (
    <PortalShell>
      <div className={styles.portalPage}>
        <p className="eyebrow">{page.data ? page.data.clinic.name : 'Request an appointment'}</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {therapist ? `Open times with ${name}` : 'Open times'}
        </h1>
        <PortalSteps current="Time" />
        <p>
          <Link className={styles.portalTextLink} to={therapistsPath}>
            All therapists
          </Link>
        </p>
        {page.isPending ? <LoadingState label="Loading the therapist…" /> : null}
        {page.isError && !problem ? (
          <ErrorState
            title="The therapist could not be loaded."
            error={page.error}
            onRetry={() => void page.refetch()}
          />
        ) : null}
        {therapist ? (
          <>
            <TherapistSummary therapist={therapist} />
            <p className="muted">
              Times are shown in the office’s time zone. Choose one to fill in your details.
            </p>
            {noticeLine ? <p className={styles.portalNotice}>{noticeLine}</p> : null}
            {slots.isPending ? <LoadingState label={`Loading ${name}’s open times…`} /> : null}
            {slots.isError ? (
              <ErrorState
                title="The open times could not be loaded."
                error={slots.error}
                onRetry={() => void slots.refetch()}
              />
            ) : null}
            {slots.isSuccess ? (
              slots.data.length > 0 ? (
                <SlotDayList
                  slots={slots.data}
                  label={`Open times with ${name}`}
                  hrefOf={(slot) => portalPaths.details(clinicSlug, therapistId, slot.start, carried)}
                />
              ) : (
                <p>
                  {name} has no open times in the next three weeks. Choose another therapist, or call the
                  clinic.
                </p>
              )
            ) : null}
          </>
        ) : null}
      </div>
    </PortalShell>
  );
}
