/** How long staff have left to answer a request, and whether that is urgent (under 12 hours). */
export interface TimeLeft {
  label: string;
  urgent: boolean;
  expired: boolean;
}

const hour = 3_600_000;

export function timeLeft(expiresAt: string | Date, now: Date): TimeLeft {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  if (ms <= 0) return { label: 'Expired', urgent: true, expired: true };
  const hours = Math.floor(ms / hour);
  const minutes = Math.floor((ms % hour) / 60_000);
  const label = hours >= 1 ? `${hours} h ${minutes} min left` : `${Math.max(minutes, 1)} min left`;
  return { label, urgent: ms < 12 * hour, expired: false };
}

/** Confirm and Decline are offered while a request is pending and its 48 hours are not over. */
export function requestActions(request: { expires_at: string }, now: Date): ('confirm' | 'decline')[] {
  return timeLeft(request.expires_at, now).expired ? [] : ['confirm', 'decline'];
}
