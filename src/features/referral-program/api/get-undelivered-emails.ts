import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/types/database.types';
import { referralProgramKeys } from '../keys';

export type UndeliveredEmail = Pick<
  Tables<'notification_outbox'>,
  'id' | 'template' | 'recipient' | 'attempts' | 'last_error' | 'dead_lettered_at'
>;

/** How many dead letters the list shows, newest first (the total is counted). */
export const undeliveredEmailsShown = 20;

/**
 * The clinic's emails that could not be delivered (dead letters). Row-level security shows them
 * to the clinic's org admins only, and only these columns are readable (never the payload).
 */
export async function getUndeliveredEmails(
  orgId: string,
  signal?: AbortSignal,
): Promise<{ emails: UndeliveredEmail[]; total: number }> {
  const query = supabase
    .from('notification_outbox')
    .select('id, template, recipient, attempts, last_error, dead_lettered_at', { count: 'exact' })
    .eq('org_id', orgId)
    .eq('status', 'dead_letter')
    .order('dead_lettered_at', { ascending: false })
    .limit(undeliveredEmailsShown);
  const { data, error, count } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return { emails: data, total: count ?? data.length };
}

export const undeliveredEmailsQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: referralProgramKeys.undeliveredEmails(orgId),
    queryFn: ({ signal }) => getUndeliveredEmails(orgId, signal),
  });

export function useUndeliveredEmails(orgId: string) {
  return useQuery(undeliveredEmailsQueryOptions(orgId));
}
