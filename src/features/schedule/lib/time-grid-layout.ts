/**
 * Where events sit in the day and week views' time grid: each day's part of each event, as a
 * share of the day's height, and side by side where they overlap. Positions are by the viewer's
 * wall clock (minutes since midnight), so 9:00 is at the same height on every day, including a
 * day when the clocks change (whose missing or repeated hour is not drawn).
 */

export const minutesPerDay = 24 * 60;

/** The grid's slot, in minutes: what a drag or a double-click selects in steps of. */
export const slotMinutes = 30;

export interface Timed {
  start: Date;
  end: Date;
}

export interface PlacedEvent<E extends Timed> {
  event: E;
  /** Minutes after the day's midnight where this day's part starts and ends (0–1440). */
  fromMinute: number;
  toMinute: number;
  /** Its column among the events it overlaps with, and how many columns they share. */
  column: number;
  columns: number;
}

const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** Minutes since the start of `day` (local midnight) by the wall clock: 0 before it, 1440 after it. */
function wallMinute(instant: Date, day: Date, nextDay: Date): number {
  if (instant.getTime() <= day.getTime()) return 0;
  if (instant.getTime() >= nextDay.getTime()) return minutesPerDay;
  return instant.getHours() * 60 + instant.getMinutes() + instant.getSeconds() / 60;
}

/**
 * The parts of `events` that fall on `day` (a local midnight), laid out in columns. `events` come
 * sorted by start; the order among equal starts is kept (the first gets the left column).
 */
export function layoutDay<E extends Timed>(events: readonly E[], day: Date): PlacedEvent<E>[] {
  const nextDay = addDays(day, 1);
  const placed: PlacedEvent<E>[] = [];
  for (const event of events) {
    if (event.end.getTime() <= day.getTime() || event.start.getTime() >= nextDay.getTime()) continue;
    const fromMinute = wallMinute(event.start, day, nextDay);
    // an instant event still takes a sliver of the grid
    const toMinute = Math.max(wallMinute(event.end, day, nextDay), fromMinute + 1);
    placed.push({ event, fromMinute, toMinute, column: 0, columns: 1 });
  }
  placed.sort((a, b) => a.fromMinute - b.fromMinute);

  // a cluster is a run of events each overlapping the run so far; its events share its columns
  let cluster: PlacedEvent<E>[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    for (const p of cluster) p.columns = columnEnds.length;
    cluster = [];
    columnEnds = [];
  };
  for (const p of placed) {
    if (p.fromMinute >= clusterEnd) closeCluster();
    let column = columnEnds.findIndex((end) => end <= p.fromMinute);
    if (column === -1) column = columnEnds.push(0) - 1;
    columnEnds[column] = p.toMinute;
    p.column = column;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, p.toMinute);
  }
  closeCluster();
  return placed;
}

/** The slot (its first minute) that a minute of the day falls in. */
export const slotAt = (minute: number) =>
  Math.min(Math.max(Math.floor(minute / slotMinutes), 0), minutesPerDay / slotMinutes - 1) * slotMinutes;

/** The instant at `minute` past the start of `day`, by the wall clock. */
export const atMinute = (day: Date, minute: number) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minute / 60), minute % 60);

/**
 * The minutes a drag from one minute to another selects: whole slots, from the slot where it
 * began to the end of the slot where it ended, whichever way it went.
 */
export function selectedMinutes(fromMinute: number, toMinute: number): { from: number; to: number } {
  return {
    from: slotAt(Math.min(fromMinute, toMinute)),
    to: slotAt(Math.max(fromMinute, toMinute)) + slotMinutes,
  };
}

/** The same selection as instants of `day`. */
export function selectedRange(day: Date, fromMinute: number, toMinute: number): Timed {
  const { from, to } = selectedMinutes(fromMinute, toMinute);
  return { start: atMinute(day, from), end: atMinute(day, to) };
}

/** The minutes of the day whose events are drawn (`[from, to)`), or all of them. */
export type MinutesShown = { from: number; to: number } | 'all';

/**
 * The minutes of the day a scrolled day grid shows, `overscan` minutes more either side, widened
 * to whole hours (so scrolling within an hour changes nothing). A grid with no height (not laid
 * out, or not displayed) shows them all: there is nothing to save.
 */
export function minutesInView(
  {
    scrollTop,
    clientHeight,
    scrollHeight,
  }: { scrollTop: number; clientHeight: number; scrollHeight: number },
  overscan: number,
): MinutesShown {
  if (scrollHeight <= 0) return 'all';
  const perMinute = scrollHeight / minutesPerDay;
  return {
    from: Math.max(0, Math.floor((scrollTop / perMinute - overscan) / 60) * 60),
    to: Math.min(minutesPerDay, Math.ceil(((scrollTop + clientHeight) / perMinute + overscan) / 60) * 60),
  };
}
