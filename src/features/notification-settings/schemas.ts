import { z } from 'zod';

/** How a staff member hears of new referral requests; the same values as the database's CHECK. */
export const alertModes = ['each_request', 'digest', 'off'] as const;
export type AlertMode = (typeof alertModes)[number];

/** What nobody has chosen yet means: an email for each request, and 4 hours if a digest is chosen. */
export const defaultAlertPreference = { mode: 'each_request', digest_hours: 4 } as const;

/**
 * The settings form and its save: one contract with staff_alert_preferences' CHECK constraints
 * (mode in the listed values; digest period 1–24 hours).
 */
export const alertPreferenceSchema = z.object({
  mode: z.enum(alertModes, { error: 'Choose how you want to hear of new requests.' }),
  digest_hours: z
    .number({ error: 'Digest period must be a whole number of hours.' })
    .int('Digest period must be a whole number of hours.')
    .min(1, 'Digest period must be between 1 and 24 hours.')
    .max(24, 'Digest period must be between 1 and 24 hours.'),
});
export type AlertPreference = z.infer<typeof alertPreferenceSchema>;
