import { queryOptions, useQuery } from '@tanstack/react-query';
import { clientPortalKeys } from '../keys';
import type { PortalSlot, PortalTherapistPage } from '../schemas';
import { portalFetch } from './portal-http';

/** One listed therapist and the clinic: what the times and details steps open on. */
export function getPortalTherapist(clinicSlug: string, therapistId: string, signal?: AbortSignal) {
  return portalFetch<PortalTherapistPage>(
    `clinics/${encodeURIComponent(clinicSlug)}/therapists/${encodeURIComponent(therapistId)}`,
    { signal },
  );
}

export const portalTherapistQueryOptions = (clinicSlug: string, therapistId: string) =>
  queryOptions({
    queryKey: clientPortalKeys.therapist(clinicSlug, therapistId),
    queryFn: ({ signal }) => getPortalTherapist(clinicSlug, therapistId, signal),
  });

export function usePortalTherapist(clinicSlug: string, therapistId: string) {
  return useQuery(portalTherapistQueryOptions(clinicSlug, therapistId));
}

/**
 * The open slot that starts at `start`, or null when it is not (or no longer) open: the details
 * step's time comes from the address, which may be old or shared, or a payer's deep link up to 60
 * days ahead.
 */
export async function getOpenSlotAt(
  clinicSlug: string,
  therapistId: string,
  start: string,
  signal?: AbortSignal,
): Promise<PortalSlot | null> {
  const from = new Date(start);
  const to = new Date(from.getTime() + 86_400_000);
  const { data } = await portalFetch<{ data: PortalSlot[] }>(
    `clinics/${encodeURIComponent(clinicSlug)}/therapists/${encodeURIComponent(therapistId)}/slots`,
    { query: new URLSearchParams({ from: from.toISOString(), to: to.toISOString() }), signal },
  );
  return data.find((slot) => Date.parse(slot.start) === from.getTime()) ?? null;
}

export const openSlotAtQueryOptions = (clinicSlug: string, therapistId: string, start: string) =>
  queryOptions({
    // not under the open-times keys a sent or refused request marks stale: the form it opens on
    // says itself when its time was taken (and keeps what was typed)
    queryKey: clientPortalKeys.slotAt(clinicSlug, therapistId, start),
    queryFn: ({ signal }) => getOpenSlotAt(clinicSlug, therapistId, start, signal),
  });

/** While another time of the same therapist loads, the last one stays (the form and what was typed stay too). */
export function useOpenSlotAt(clinicSlug: string, therapistId: string, start: string) {
  return useQuery({
    ...openSlotAtQueryOptions(clinicSlug, therapistId, start),
    enabled: start !== '',
    placeholderData: (previous) => previous,
  });
}
