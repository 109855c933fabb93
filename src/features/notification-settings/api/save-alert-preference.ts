import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { alertPreferenceSchema, type AlertPreference } from '../schemas';
import { notificationSettingsKeys } from './keys';

/** Saves the signed-in staff member's own preference (insert or update of their one row). */
export async function saveAlertPreference(orgId: string, staffId: string, preference: AlertPreference) {
  const valid = alertPreferenceSchema.parse(preference);
  const { data, error } = await supabase
    .from('staff_alert_preferences')
    .upsert({ staff_id: staffId, org_id: orgId, ...valid }, { onConflict: 'staff_id' })
    .select('mode, digest_hours')
    .single();
  if (error) throw error;
  return data as AlertPreference;
}

export function useSaveAlertPreference(orgId: string, staffId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preference: AlertPreference) => saveAlertPreference(orgId, staffId, preference),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationSettingsKeys.preference(orgId, staffId), saved);
    },
  });
}
