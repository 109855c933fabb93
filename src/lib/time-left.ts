/**
 * How long staff have left to answer a pending request (their 48 hours, or until the slot starts),
 * in words, and how urgent that is: the one rule of the queue, the history and the home pages, so
 * a request urgent in one is urgent in all.
 */
export type Urgency = 'normal' | 'soon' | 'urgent';

export interface TimeLeft {
  label: string;
  /** under 12 hours: 'soon'; under 2 hours: 'urgent' (the label says it too: colour is never alone). */
  urgency: Urgency;
  expired: boolean;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A duration in words, to the two largest units: "1 day 3 hours", "5 hours 10 minutes", "4 minutes". */
export function durationInWords(ms: number): string {
  const days = Math.floor(ms / day);
  const hours = Math.floor((ms % day) / hour);
  const minutes = Math.floor((ms % hour) / minute);
  if (days > 0) return hours ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0)
    return minutes ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}` : plural(hours, 'hour');
  return plural(Math.max(minutes, 1), 'minute');
}

export function timeLeft(expiresAt: string | Date, now: Date): TimeLeft {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  if (ms <= 0) return { label: 'Expired', urgency: 'urgent', expired: true };
  const words = `${durationInWords(ms)} left`;
  if (ms < 2 * hour) return { label: `Urgent: ${words}`, urgency: 'urgent', expired: false };
  if (ms < 12 * hour) return { label: `Soon: ${words}`, urgency: 'soon', expired: false };
  return { label: words, urgency: 'normal', expired: false };
}
