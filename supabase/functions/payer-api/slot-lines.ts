/**
 * The feed's Slot lines, written here from what `public.payer_fhir_slot_sources` answers per
 * therapist (each availability occurrence's first session, session count and UTC offset, and the
 * therapist's busy time): the database decides which sessions are offered and what holds them,
 * this file only counts sessions and prints each as one minified FHIR R4 Slot (SMART Scheduling
 * Links). No time zone is looked up here: the offsets come from the database, so printing a time
 * is arithmetic (this is a FHIR instant for machines, not an appointment time for people, which
 * `_shared/appointment-time.ts` names).
 */

/** One therapist's row of `public.payer_fhir_slot_sources`. */
export interface SlotSource {
  therapist: string;
  slug: string;
  session_seconds: number;
  /** `[first session start (epoch s), sessions, offset (s) or the offset at each session boundary]` */
  occurrences: [number, number, number | number[]][];
  /** `[start, end)` epoch seconds, merged and in order */
  busy: [number, number][];
}

export const bookingDeepLinkUrl =
  'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link';

const offsetTexts = new Map<number, string>();

/** "+05:30", "-04:00", "+00:00" for an offset in seconds (whole minutes, as time zones are). */
function offsetText(seconds: number): string {
  let text = offsetTexts.get(seconds);
  if (text === undefined) {
    const minutes = Math.abs(Math.trunc(seconds / 60));
    const two = (n: number) => String(n).padStart(2, '0');
    text = `${seconds < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
    offsetTexts.set(seconds, text);
  }
  return text;
}

/** "2027-05-04T09:00:00" for whole epoch seconds read on a clock `offset` seconds ahead of UTC. */
const wallClock = (epoch: number, offset: number) =>
  new Date((epoch + offset) * 1000).toISOString().slice(0, 19);

/** A JSON string's opening quote and text without its closing quote. */
const jsonPrefix = (text: string) => JSON.stringify(text).slice(0, -1);

/**
 * The Slot lines of one therapist, each ending in a newline, in start order: free (with the
 * booking deep link to the clinic's request page at that session) or busy (overlapping held time).
 */
export function slotLines(source: SlotSource, siteUrl: string): string {
  const id = source.therapist;
  const session = source.session_seconds;
  const head = `{"resourceType":"Slot","id":"${id}-`;
  const schedule = `","schedule":{"reference":"Schedule/${id}"},"status":"`;
  const extension =
    `","extension":[{"url":"${bookingDeepLinkUrl}","valueUrl":` +
    jsonPrefix(
      `${siteUrl.replace(/\/+$/, '')}/request/${encodeURIComponent(source.slug)}?therapist=${id}&slot=`,
    );
  const busy = source.busy;
  let held = 0;
  let text = '';
  for (const [first, sessions, offsets] of source.occurrences) {
    for (let k = 0; k < sessions; k++) {
      const start = first + k * session;
      const end = start + session;
      // the busy ranges and the sessions both run in time order: skip what ended before this one
      while (held < busy.length && busy[held]![1] <= start) held++;
      const isBusy = held < busy.length && busy[held]![0] < end;
      const startOffset = typeof offsets === 'number' ? offsets : offsets[k]!;
      const endOffset = typeof offsets === 'number' ? offsets : offsets[k + 1]!;
      const seconds = Math.floor(start);
      text +=
        head +
        Math.round(start) +
        schedule +
        (isBusy ? 'busy' : 'free') +
        '","start":"' +
        wallClock(seconds, startOffset) +
        offsetText(startOffset) +
        '","end":"' +
        wallClock(Math.floor(end), endOffset) +
        offsetText(endOffset) +
        (isBusy ? '"}\n' : `${extension}${wallClock(seconds, 0)}Z"}]}\n`);
    }
  }
  return text;
}
