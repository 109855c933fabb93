import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, useParams, useSearchParams } from '@/lib/public-router/router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { useClinicDirectory } from '../api/get-clinic-directory';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  hasFilters,
  type DirectoryFilters,
} from '../lib/filters';
import { minimumNoticeLine } from '../lib/minimum-notice';
import { carriedParams, deepLinkTarget, portalPaths } from '../lib/step-paths';
import { viewerTimeZone } from '@/lib/datetime-format';
import type { PortalSlot, PortalTherapist } from '../schemas';
import { DirectoryFiltersForm } from './directory-filters';
import { addressProblem } from '../lib/address-problem';
import { PortalShell } from './portal-shell';
import { PortalSteps } from './portal-steps';
import { TherapistCard, therapistHeadingId } from './therapist-card';
import { buttonClassName } from '@/components/ui/button';
import styles from './client-portal.module.css';

// shown only for a link that leads nowhere: not part of the page's first view
const AddressProblemPage = lazy(async () => ({
  default: (await import('./portal-problem')).AddressProblemPage,
}));

/**
 * The clinic's public request page, first step (/request/:clinicSlug): find a therapist, with the
 * filters in the address. Choosing a time leads to the details step; "All open times" to the
 * times step. A payer's deep link (`?therapist=…&slot=…`) goes straight to the details step.
 */
export function ClientPortalPage() {
  const { clinicSlug = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const deepLink = deepLinkTarget(clinicSlug, searchParams);
  // the address carries a payer's source and booking-referral along with the filters
  const carried = useMemo(() => carriedParams(searchParams), [searchParams]);
  // The filters live in state and the address follows them (so a filtered page can be shared): a
  // navigation is a transition that may not have rendered before the next change, and a second
  // quick change built on the address would drop the first.
  const [filters, setFilters] = useState<DirectoryFilters>(() => filtersFromSearchParams(searchParams));
  useEffect(() => {
    if (deepLink) return;
    const wanted = filtersToSearchParams(filters);
    for (const [name, value] of carried) wanted.set(name, value);
    if (wanted.toString() !== searchParams.toString()) setSearchParams(wanted, { replace: true });
  }, [filters, carried, deepLink, searchParams, setSearchParams]);
  const directory = useClinicDirectory(clinicSlug, filters);
  const clinic = directory.data?.pages[0]?.clinic ?? null;
  const problem = directory.isError && !directory.data ? addressProblem(directory.error) : null;

  useEffect(() => {
    if (!problem)
      document.title = clinic ? `Request an appointment · ${clinic.name}` : 'Request an appointment';
  }, [clinic, problem]);

  if (deepLink) return <Navigate replace to={deepLink} />;

  if (problem) {
    return (
      <PortalShell>
        <Suspense fallback={null}>
          <AddressProblemPage
            problem={problem}
            therapistsPath={portalPaths.therapists(clinicSlug, carried)}
          />
        </Suspense>
      </PortalShell>
    );
  }

  const noticeLine = clinic ? minimumNoticeLine(clinic.min_notice_hours) : null;
  return (
    <PortalShell>
      <div className={styles.portalPage}>
        <p className="eyebrow">Request an appointment</p>
        <h1>{clinic ? clinic.name : <span className="visually-hidden">Request an appointment</span>}</h1>
        <PortalSteps current="Therapist" />
        {/* drawn with the page, not with the clinic's data: this paragraph is the largest text of
            the first view, and a phone shows it one data round trip sooner */}
        <p className={styles.portalIntro}>
          Choose a therapist and one of their open times to request a first appointment. After you confirm
          your email, the clinic confirms or declines your request within 48 hours.
        </p>

        {directory.isPending ? <LoadingState label="Loading the clinic’s therapists…" /> : null}
        {directory.isError && !directory.data ? (
          <ErrorState
            title="The therapists could not be loaded."
            error={directory.error}
            onRetry={() => void directory.refetch()}
          />
        ) : null}

        {clinic ? (
          <>
            <DirectoryFiltersForm
              filters={filters}
              onChange={setFilters}
              locations={clinic.locations}
              payers={clinic.payers}
            />
            <TherapistResults
              filters={filters}
              directory={directory}
              noticeLine={noticeLine}
              detailsPath={(therapist, slot) =>
                portalPaths.details(clinicSlug, therapist.id, slot.start, carried)
              }
              timesPath={(therapist) => portalPaths.times(clinicSlug, therapist.id, carried)}
              onClearFilters={() => setFilters({})}
            />
          </>
        ) : null}
      </div>
    </PortalShell>
  );
}

interface TherapistResultsProps {
  filters: DirectoryFilters;
  directory: ReturnType<typeof useClinicDirectory>;
  /** Why the soonest times are missing (the clinic's minimum notice), or null. */
  noticeLine: string | null;
  detailsPath: (therapist: PortalTherapist, slot: PortalSlot) => string;
  timesPath: (therapist: PortalTherapist) => string;
  onClearFilters: () => void;
}

function TherapistResults({
  filters,
  directory,
  noticeLine,
  detailsPath,
  timesPath,
  onClearFilters,
}: TherapistResultsProps) {
  const therapists = useMemo(
    () => directory.data?.pages.flatMap((page) => page.data) ?? [],
    [directory.data],
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusFrom = useRef<number | null>(null);
  // filters changed: the previous list stays until the new one arrives
  const updating = directory.isPlaceholderData;

  // after "More therapists": focus the first card that was added
  useEffect(() => {
    if (focusFrom.current === null || therapists.length <= focusFrom.current) return;
    const first = therapists[focusFrom.current];
    focusFrom.current = null;
    if (first) document.getElementById(therapistHeadingId(first.id))?.focus();
  }, [therapists]);

  return (
    <section aria-labelledby="therapists-heading">
      <h2 id="therapists-heading" ref={headingRef} tabIndex={-1}>
        Therapists
      </h2>
      <p className="muted">
        Times are shown in each office’s time zone{' '}
        <span className={styles.portalNowrap}>(yours is {viewerTimeZone()}).</span>
      </p>
      {noticeLine ? <p className={styles.portalNotice}>{noticeLine}</p> : null}
      <p role="status" className="result-count">
        {updating
          ? 'Updating the list…'
          : resultSummary(therapists.length, directory.hasNextPage, hasFilters(filters))}
      </p>
      {therapists.length === 0 && hasFilters(filters) && !updating ? (
        <button type="button" className={buttonClassName({ variant: 'secondary' })} onClick={onClearFilters}>
          Clear filters
        </button>
      ) : null}
      {therapists.length > 0 ? (
        <ul className={styles.portalCardList} aria-busy={updating}>
          {therapists.map((therapist) => (
            <li key={therapist.id}>
              <TherapistCard
                therapist={therapist}
                detailsPath={(slot) => detailsPath(therapist, slot)}
                timesPath={timesPath(therapist)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {directory.isFetchNextPageError ? (
        <ErrorState title="More therapists could not be loaded." error={directory.error} />
      ) : null}
      {directory.hasNextPage ? (
        <button
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          disabled={directory.isFetchingNextPage}
          onClick={() => {
            focusFrom.current = therapists.length;
            void directory.fetchNextPage();
          }}
        >
          {directory.isFetchingNextPage ? 'Loading more therapists…' : 'More therapists'}
        </button>
      ) : null}
    </section>
  );
}

function resultSummary(count: number, more: boolean, filtered: boolean): string {
  if (count === 0) {
    return filtered
      ? 'No therapist matches these filters. Try fewer filters.'
      : 'No therapist takes requests online right now.';
  }
  const one = count === 1;
  const noun = one ? 'therapist' : 'therapists';
  if (more) return `Showing the first ${count} ${noun}; more below.`;
  return filtered
    ? `${count} ${noun} ${one ? 'matches' : 'match'} these filters.`
    : `${count} ${noun} ${one ? 'takes' : 'take'} requests online.`;
}
