import { orgKeys } from '@/lib/query-keys';

/** Query keys of a staff member's notification settings, under the organization's key root. */
export const notificationSettingsKeys = {
  all: (orgId: string) => orgKeys.feature(orgId, 'notification-settings'),
  preference: (orgId: string, staffId: string) =>
    [...notificationSettingsKeys.all(orgId), 'preference', staffId] as const,
};
