/**
 * The availability block form and the insert/update it feeds: one contract (architecture §5.4),
 * matching the CHECK constraints of public.availability_blocks: end after start, the first date in
 * 2000–2199, until on or after from and at most 730 days later, weekdays (ISO 1–7) for a weekly
 * block, a one-off block on one date.
 */
import { z } from 'zod';

/** ISO weekdays as the form's checkbox values. */
export const weekdayValues = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** A block may repeat for at most this many days after its first date (`valid_until <= valid_from + 730`). */
export const maxBlockSpanDays = 730;

/** The first date of a block lies in these years (`availability_blocks_valid_from_in_range`). */
export const firstBlockDate = '2000-01-01';
export const lastBlockDate = '2199-12-31';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A real calendar date as `YYYY-MM-DD` (no 31 February). */
export function isDate(text: string): boolean {
  if (!datePattern.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const availabilityBlockFormSchema = z
  .object({
    location_id: z.string().min(1, 'Choose a location.'),
    repeats: z.enum(['once', 'weekly'], { error: 'Choose whether the block repeats.' }),
    /** The date of a one-off block; the first date of a weekly one. */
    valid_from: z
      .string()
      .refine(isDate, 'Enter a date.')
      .refine(
        (date) => !isDate(date) || (date >= firstBlockDate && date <= lastBlockDate),
        'Enter a date in the years 2000 to 2199.',
      ),
    /** The last date of a weekly block; empty repeats with no end date. */
    valid_until: z.string(),
    weekdays: z.array(z.enum(weekdayValues)),
    start_time: z.string().regex(timePattern, 'Enter a start time.'),
    end_time: z.string().regex(timePattern, 'Enter an end time.'),
    accept_external: z.enum(['yes', 'no']),
  })
  .superRefine((values, ctx) => {
    if (
      timePattern.test(values.start_time) &&
      timePattern.test(values.end_time) &&
      values.end_time <= values.start_time
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['end_time'],
        message: 'The end time must be after the start time.',
      });
    }
    if (values.repeats !== 'weekly') return;
    if (values.weekdays.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'Choose at least one day of the week.' });
    }
    if (values.valid_until === '' || !isDate(values.valid_from)) return;
    if (!isDate(values.valid_until)) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_until'],
        message: 'Enter an end date, or leave it empty.',
      });
    } else if (values.valid_until < values.valid_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_until'],
        message: 'The end date must be on or after the start date.',
      });
    } else if (daysBetween(values.valid_from, values.valid_until) > maxBlockSpanDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_until'],
        message: 'A block can repeat for at most two years (730 days).',
      });
    }
  })
  .transform((values) => ({
    location_id: values.location_id,
    valid_from: values.valid_from,
    valid_until:
      values.repeats === 'once' ? values.valid_from : values.valid_until === '' ? null : values.valid_until,
    weekdays:
      values.repeats === 'once' ? null : [...new Set(values.weekdays.map(Number))].sort((a, b) => a - b),
    start_time: values.start_time,
    end_time: values.end_time,
    accept_external: values.accept_external === 'yes',
  }));

/** What the form holds. */
export type AvailabilityBlockFormValues = z.input<typeof availabilityBlockFormSchema>;
/** What an insert or update writes: exactly the updatable columns of a block. */
export type AvailabilityBlockChanges = z.output<typeof availabilityBlockFormSchema>;
