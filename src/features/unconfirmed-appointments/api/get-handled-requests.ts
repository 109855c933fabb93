import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { unconfirmedKeys, type HandledCursor } from '../keys';
import { handledFilterArgs, type HandledFilters, type Outcome } from '../lib/handled-filters';

/** Rows per page of the Handled history. */
export const handledPageSize = 25;

/** A handled request; the function's columns are typed nullable by the generator, these never are. */
export interface HandledRequest {
  id: string;
  status: Outcome;
  therapist_id: string;
  therapist_first_name: string;
  therapist_last_name: string;
  first_name: string;
  last_name: string;
  slot_start: string;
  slot_end: string;
  time_zone: string;
  location_name: string | null;
  source: 'payer' | 'client_portal';
  source_label: string;
  arrived_at: string;
  handled_at: string;
  decided_by_name: string | null;
  decline_reason: string | null;
  decline_note: string | null;
  withdrawn_reason: string | null;
}

export interface HandledPage {
  rows: HandledRequest[];
  /** Where the next page starts, or null on the last page. */
  next: HandledCursor | null;
}

/**
 * One page of the requests the viewer may see that left the queue, newest first (RLS: the
 * clinic's, or a therapist's own). Keyset paging: the page after `cursor`, one row more than shown
 * to know whether another page follows.
 */
export async function getHandledRequests(
  orgId: string,
  filters: HandledFilters,
  cursor: HandledCursor | null,
  signal?: AbortSignal,
): Promise<HandledPage> {
  const query = supabase.rpc('handled_requests', {
    org_id: orgId,
    ...handledFilterArgs(filters),
    after_handled_at: cursor?.handledAt,
    after_id: cursor?.id,
    page_size: handledPageSize + 1,
  });
  const { data, error } = await (signal ? query.abortSignal(signal) : query).overrideTypes<
    HandledRequest[],
    { merge: false }
  >();
  if (error) throw error;
  const rows = data.slice(0, handledPageSize);
  const last = rows.at(-1);
  return {
    rows,
    next: data.length > handledPageSize && last ? { handledAt: last.handled_at, id: last.id } : null,
  };
}

export const handledRequestsQueryOptions = (
  orgId: string,
  filters: HandledFilters,
  cursor: HandledCursor | null,
) =>
  queryOptions({
    queryKey: unconfirmedKeys.handledPage(orgId, filters, cursor),
    queryFn: ({ signal }) => getHandledRequests(orgId, filters, cursor, signal),
    // the previous page stays on screen while the next one loads
    placeholderData: keepPreviousData,
  });

export function useHandledRequests(orgId: string, filters: HandledFilters, cursor: HandledCursor | null) {
  return useQuery(handledRequestsQueryOptions(orgId, filters, cursor));
}
