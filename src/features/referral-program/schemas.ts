/**
 * The Add Staff and Edit payers forms. Each schema is the one contract of its form and of the rpc
 * it feeds (architecture §5.4), and matches what the database checks (private.check_payer_list):
 * at least one payer, each once, ids the database can read as uuids.
 */
import { z } from 'zod';

export const payerIdsSchema = z
  .array(z.guid('Choose payers from the list.'))
  .min(1, 'Choose at least one payer.')
  .refine((ids) => new Set(ids).size === ids.length, 'Each payer can be chosen once.');

/** Add Staff: `enroll_staff(staff_id, payer_ids)`. */
export const enrollStaffSchema = z.object({
  staffId: z.string().min(1, 'Choose a staff member.').pipe(z.guid('Choose a staff member from the list.')),
  payerIds: payerIdsSchema,
});

export type EnrollStaffInput = z.input<typeof enrollStaffSchema>;
export type EnrollStaffValues = z.output<typeof enrollStaffSchema>;

/** Edit payers: `set_enrollment_payers(enrollment_id, payer_ids)`; the form edits the payers only. */
export const setEnrollmentPayersSchema = z.object({
  enrollmentId: z.guid(),
  payerIds: payerIdsSchema,
});

export const editPayersFormSchema = setEnrollmentPayersSchema.pick({ payerIds: true });

export type SetEnrollmentPayersValues = z.output<typeof setEnrollmentPayersSchema>;
export type EditPayersValues = z.output<typeof editPayersFormSchema>;
