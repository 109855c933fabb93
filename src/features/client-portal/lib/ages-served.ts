/**
 * The therapist's *ages served* against the client's date of birth, as the database checks it
 * (private.refuse_outside_ages_served): age in whole years on today's date in the clinic's zone;
 * anyone under 18 needs a parent or guardian to make the request. The form checks first so the
 * person hears it at once; the server refuses with the same words.
 */
import { vocabularyKeys, vocabularyLabel } from '@/lib/profile-vocabulary';

/** Today as YYYY-MM-DD in a time zone. */
export const todayIn = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** Whole years from a date of birth to a day (both YYYY-MM-DD); null when either is not a date. */
export function ageOn(dateOfBirth: string, day: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const on = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!birth || !on) return null;
  const [, by, bm, bd] = birth.map(Number) as [number, number, number, number];
  const [, y, m, d] = on.map(Number) as [number, number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageGroupOf(age: number): string {
  if (age < 13) return 'children';
  if (age < 18) return 'adolescents';
  if (age < 26) return 'young_adults';
  if (age < 65) return 'adults';
  return 'older_adults';
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export type AgeProblem = { field: 'date_of_birth' | 'requested_by_guardian'; message: string };

export function agesServedProblem({
  therapistName,
  agesServed,
  dateOfBirth,
  today,
  byGuardian,
}: {
  therapistName: string;
  agesServed: readonly string[];
  dateOfBirth: string;
  today: string;
  byGuardian: boolean;
}): AgeProblem | null {
  const age = ageOn(dateOfBirth, today);
  if (age === null || age < 0) return null;
  if (!agesServed.includes(ageGroupOf(age))) {
    const served = vocabularyKeys('age_group')
      .filter((key) => agesServed.includes(key))
      .map((key) => lowerFirst(vocabularyLabel('age_group', key)))
      .join(', ');
    const minor = age < 18 ? '; for anyone under 18, a parent or guardian makes the request' : '';
    return {
      field: 'date_of_birth',
      message: `${therapistName} sees ${served} only. Choose a therapist who sees clients of this age${minor}.`,
    };
  }
  if (age < 18 && !byGuardian) {
    return {
      field: 'requested_by_guardian',
      message:
        'A parent or guardian must make the request for anyone under 18. If you are the client’s parent or guardian, say so on the form and send it again.',
    };
  }
  return null;
}

// in a module of its own: the therapist list (the public page's first view) needs only this line
export { minimumNoticeLine } from './minimum-notice';
