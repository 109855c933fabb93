import { queryOptions, useQuery } from '@tanstack/react-query';
import { clientPortalKeys } from '../keys';
import type { PortalSlot } from '../schemas';
import { portalFetch } from './portal-http';

/** How far ahead "More times" looks. */
export const slotLookaheadDays = 21;

/** A therapist's open times from now to `days` ahead (the API allows at most 62). */
export async function getTherapistSlots(
  clinicSlug: string,
  therapistId: string,
  days: number,
  signal?: AbortSignal,
) {
  const from = new Date();
  const to = new Date(from.getTime() + days * 86_400_000);
  const { data } = await portalFetch<{ data: PortalSlot[] }>(
    `clinics/${encodeURIComponent(clinicSlug)}/therapists/${encodeURIComponent(therapistId)}/slots`,
    { query: new URLSearchParams({ from: from.toISOString(), to: to.toISOString() }), signal },
  );
  return data;
}

export const therapistSlotsQueryOptions = (
  clinicSlug: string,
  therapistId: string,
  days = slotLookaheadDays,
) =>
  queryOptions({
    queryKey: clientPortalKeys.slots(clinicSlug, therapistId, days),
    // "now" is taken when the query runs, so a refetch looks from the new now
    queryFn: ({ signal }) => getTherapistSlots(clinicSlug, therapistId, days, signal),
  });

export function useTherapistSlots(
  clinicSlug: string,
  therapistId: string,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({ ...therapistSlotsQueryOptions(clinicSlug, therapistId), enabled });
}
