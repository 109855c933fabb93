import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { useClinicDirectory } from '../api/get-clinic-directory';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  hasFilters,
  type DirectoryFilters,
} from '../lib/filters';
import { isPortalApiError } from '../lib/portal-api-error';
import { viewerTimeZone } from '@/lib/datetime';
import type { PortalRequestCreated, PortalSlot, PortalTherapist } from '../schemas';
import { DirectoryFiltersForm } from './directory-filters';
import { PortalShell } from './portal-shell';
import { RequestSent } from './request-sent';
import { RequestStep } from './request-step';
import { TherapistCard, therapistHeadingId } from './therapist-card';
import { buttonClassName } from '@/components/ui/button';
import styles from './client-portal.module.css';

type Step =
  | { kind: 'browse'; returnTo: string | null }
  | { kind: 'request'; therapist: PortalTherapist; slot: PortalSlot }
  | { kind: 'sent'; created: PortalRequestCreated; slot: PortalSlot; email: string };

/** The clinic's public request page (/request/:clinicSlug): find a therapist, choose a time, send a request. */
export function ClientPortalPage() {
  const { clinicSlug = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  // The filters live in state and the address follows them (so a filtered page can be shared): a
  // navigation is a transition that may not have rendered before the next change, and a second
  // quick change built on the address would drop the first.
  const [filters, setFilters] = useState<DirectoryFilters>(() => filtersFromSearchParams(searchParams));
  useEffect(() => {
    const wanted = filtersToSearchParams(filters);
    if (wanted.toString() !== searchParams.toString()) setSearchParams(wanted, { replace: true });
  }, [filters, searchParams, setSearchParams]);
  const directory = useClinicDirectory(clinicSlug, filters);
  const [step, setStep] = useState<Step>({ kind: 'browse', returnTo: null });
  const clinic = directory.data?.pages[0]?.clinic ?? null;
  const notTakingRequests =
    directory.isError &&
    isPortalApiError(directory.error) &&
    ['unknown_clinic', 'not_found'].includes(directory.error.code);

  useEffect(() => {
    document.title = notTakingRequests
      ? 'Online requests not available'
      : clinic
        ? `Request an appointment · ${clinic.name}`
        : 'Request an appointment';
  }, [clinic, notTakingRequests]);

  if (notTakingRequests) {
    return (
      <PortalShell>
        <div className={styles.portalPage}>
          <h1>Online requests aren’t available</h1>
          <p>
            This clinic doesn’t take appointment requests online. To make an appointment, please contact the
            clinic directly.
          </p>
        </div>
      </PortalShell>
    );
  }

  return (
    <PortalShell>
      <div className={styles.portalPage}>
        <p className="eyebrow">Request an appointment</p>
        <h1>{clinic ? clinic.name : <span className="visually-hidden">Request an appointment</span>}</h1>

        {directory.isPending ? <LoadingState label="Loading the clinic’s therapists…" /> : null}
        {directory.isError && !directory.data ? (
          <ErrorState
            title="The therapists could not be loaded."
            error={directory.error}
            onRetry={() => void directory.refetch()}
          />
        ) : null}

        {clinic && step.kind === 'browse' ? (
          <>
            <p className={styles.portalIntro}>
              Choose a therapist and one of their open times to request a first appointment. After you confirm
              your email, the clinic confirms or declines your request within 48 hours.
            </p>
            <DirectoryFiltersForm filters={filters} onChange={setFilters} />
            <TherapistResults
              clinicSlug={clinicSlug}
              filters={filters}
              directory={directory}
              returnTo={step.returnTo}
              onChoose={(therapist, slot) => setStep({ kind: 'request', therapist, slot })}
              onClearFilters={() => setFilters({})}
            />
          </>
        ) : null}

        {clinic && step.kind === 'request' ? (
          <RequestStep
            clinicSlug={clinicSlug}
            clinicName={clinic.name}
            therapist={step.therapist}
            slot={step.slot}
            onBack={() => setStep({ kind: 'browse', returnTo: step.therapist.id })}
            onSent={(created, slot, email) => setStep({ kind: 'sent', created, slot, email })}
          />
        ) : null}

        {clinic && step.kind === 'sent' ? (
          <RequestSent clinicName={clinic.name} created={step.created} slot={step.slot} email={step.email} />
        ) : null}
      </div>
    </PortalShell>
  );
}

interface TherapistResultsProps {
  clinicSlug: string;
  filters: DirectoryFilters;
  directory: ReturnType<typeof useClinicDirectory>;
  /** The therapist whose card gets focus when the person comes back from the form. */
  returnTo: string | null;
  onChoose: (therapist: PortalTherapist, slot: PortalSlot) => void;
  onClearFilters: () => void;
}

function TherapistResults({
  clinicSlug,
  filters,
  directory,
  returnTo,
  onChoose,
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

  // back from the form: focus the card of the therapist whose time was chosen (or the list's heading)
  useLayoutEffect(() => {
    if (!returnTo) return;
    const card = document.getElementById(therapistHeadingId(returnTo));
    (card ?? headingRef.current)?.focus();
  }, [returnTo]);

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
      <p className="muted">Times are shown in your time zone ({viewerTimeZone()}).</p>
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
              <TherapistCard clinicSlug={clinicSlug} therapist={therapist} onChoose={onChoose} />
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
