/** "Times less than 24 hours away…": why the soonest times are not listed (null when there is no minimum). */
export function minimumNoticeLine(hours: number): string | null {
  if (hours <= 0) return null;
  const span =
    hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `Times less than ${span} away can’t be requested online, so they aren’t listed. For a sooner appointment, call the clinic.`;
}
