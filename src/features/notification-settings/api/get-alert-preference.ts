import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { defaultAlertPreference, type AlertPreference } from '../schemas';
import { notificationSettingsKeys } from './keys';

/** The signed-in staff member's alert preference (RLS: only their own row), or the default when never set. */
export async function getAlertPreference(staffId: string, signal?: AbortSignal): Promise<AlertPreference> {
  const query = supabase.from('staff_alert_preferences').select('mode, digest_hours').eq('staff_id', staffId);
  const { data, error } = await (signal ? query.abortSignal(signal) : query).maybeSingle();
  if (error) throw error;
  return data ? (data as AlertPreference) : { ...defaultAlertPreference };
}

export const alertPreferenceQueryOptions = (orgId: string, staffId: string) =>
  queryOptions({
    queryKey: notificationSettingsKeys.preference(orgId, staffId),
    queryFn: ({ signal }) => getAlertPreference(staffId, signal),
  });

export function useAlertPreference(orgId: string, staffId: string) {
  return useQuery(alertPreferenceQueryOptions(orgId, staffId));
}
