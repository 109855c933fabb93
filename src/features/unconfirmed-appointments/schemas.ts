/** The Decline form and its mutation: the same reasons and note rules as decline_referral_request. */
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
