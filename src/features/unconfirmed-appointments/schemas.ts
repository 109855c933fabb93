/**
 * The Decline and Offer other times forms and their mutations: the same rules as
 * decline_referral_request and offer_alternative_times.
 */
import { z } from 'zod';

export const declineReasons = {
  no_availability: 'No availability',
  not_a_clinical_fit: 'Not a clinical fit',
  insurance_issue: 'Insurance issue',
  incomplete_information: 'Incomplete information',
  duplicate_request: 'Duplicate request',
  other: 'Other',
} as const;

export type DeclineReason = keyof typeof declineReasons;

export const declineSchema = z
  .object({
    reason: z.enum(Object.keys(declineReasons) as [DeclineReason, ...DeclineReason[]], {
      error: 'Choose a reason for declining.',
    }),
    note: z.string().trim().max(1000, 'The note can have at most 1,000 characters.'),
  })
  .refine((v) => v.reason !== 'other' || v.note.length > 0, {
    path: ['note'],
    message: 'Describe the reason when you choose Other.',
  });

export type DeclineForm = z.input<typeof declineSchema>;

/** An offerable time as the dialog's checkboxes carry it: "<therapist id>|<start ISO>". */
export const offeredTimeKey = (therapistId: string, startsAt: string) => `${therapistId}|${startsAt}`;

export const offerTimesSchema = z.object({
  times: z
    .array(z.string().regex(/^[0-9a-f-]{36}\|.+$/))
    .min(1, 'Choose at least one time to offer.')
    .max(3, 'Offer at most three times.'),
  message: z.string().trim().max(500, 'The message can have at most 500 characters.'),
});

export type OfferTimesForm = z.input<typeof offerTimesSchema>;

/** The form's times as offer_alternative_times takes them. */
export function offeredTimes(form: OfferTimesForm) {
  return offerTimesSchema.parse(form).times.map((key) => {
    const [therapistId, startsAt] = key.split('|') as [string, string];
    return { therapist_id: therapistId, starts_at: startsAt };
  });
}
