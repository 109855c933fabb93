import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { homeKeys, homeStaleTimeMs } from './keys';

/**
 * How many of a therapist's availability blocks are still open (not ended before today at the
 * clinic) and accept external appointments: none means no request can reach them.
 */
export async function getExternalBlockCount(
  orgId: string,
  staffId: string,
  today: string,
  signal?: AbortSignal,
): Promise<number> {
  const query = supabase
    .from('availability_blocks')
    .select('id', { count: 'exact', head: true })
    .eq('org_id', orgId)
    .eq('staff_id', staffId)
    .eq('accept_external', true)
    .or(`valid_until.is.null,valid_until.gte.${today}`);
  const { count, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return count ?? 0;
}

export const externalBlocksQueryOptions = (orgId: string, staffId: string, today: string) =>
  queryOptions({
    queryKey: [...homeKeys.externalBlocks(orgId, staffId), today] as const,
    queryFn: ({ signal }) => getExternalBlockCount(orgId, staffId, today, signal),
    staleTime: homeStaleTimeMs,
  });

export function useExternalBlockCount(orgId: string, staffId: string, today: string, enabled = true) {
  return useQuery({ ...externalBlocksQueryOptions(orgId, staffId, today), enabled });
}
