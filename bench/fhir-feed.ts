/**
 * The FHIR slot feed of a payer with 2,000 listed therapists (60 days of weekly availability from
 * the large seed): the whole feed — the manifest, then every file it lists (Location,
 * PractitionerRole, Schedule and the Slot file's parts), fetched side by side as SMART Scheduling
 * Links lets a client — read through the gateway and the payer-api function, and the stack's
 * memory before and while it streams (the function writes the Slot lines a chunk at a time as
 * they are read, so it should not grow with the feed).
 */
import type pg from 'pg';
import { feedPageSizes, slotSourcePageSize } from '../supabase/functions/payer-api/feed-pages.ts';
import { peakRssWhile, stackRssMb } from './memory.ts';

export const feedTherapists = 2000;
export const feedBudgetSeconds = 2;
const pagedTypes = ['Location', 'PractitionerRole', 'Schedule'] as const;

export async function measureFhirFeed(db: pg.Pool, apiUrl: string) {
  const {
    rows: [payer],
  } = await db.query<{ id: string }>(
    `insert into public.payers (name) values ($1) returning id`,
    // a name of its own each run: `npm run bench:fhir-feed -- --reuse` measures again on the same data
    [`Bench Feed Payer ${new Date().toISOString()}`],
  );
  await db.query(
    `insert into public.enrollment_payers (enrollment_id, payer_id, org_id)
     select e.id, $1, e.org_id
     from public.program_enrollments e
     join public.public_profiles p on p.staff_id = e.staff_id and p.submitted_at is not null
     where e.status = 'active'
     order by e.id
     limit $2`,
    [payer!.id, feedTherapists],
  );
  const {
    rows: [{ key }],
  } = await db.query(`select public.create_payer_api_key($1, 'bench feed', 100000) as key`, [payer!.id]);
  const headers = { authorization: `Bearer ${key}` };

  const rssBeforeMb = await stackRssMb();
  const { result, peakMb } = await peakRssWhile(() => readWholeFeed(apiUrl, headers));
  return { ...result, payerId: payer!.id, rssBeforeMb, rssPeakMb: peakMb };
}

/** One file of the feed as it was read: its type, seconds, MB and lines. */
export interface FeedFileReading {
  type: string;
  url: string;
  seconds: number;
  megabytes: number;
  lines: number;
}

/**
 * The manifest and every file it lists, all fetched at once as a payer's client may (the spec
 * lists many files of a type so they can be); lines per type, seconds, MB, and each file's own.
 */
async function readWholeFeed(apiUrl: string, headers: Record<string, string>) {
  const started = performance.now();
  const manifest = (await (
    await fetch(`${apiUrl}/functions/v1/payer-api/$bulk-publish`, { headers })
  ).json()) as {
    output: { type: string; url: string }[];
  };
  const files = await Promise.all(
    manifest.output.map(async ({ type, url }): Promise<FeedFileReading> => {
      const fileStarted = performance.now();
      const response = await fetch(url, { headers });
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      const reader = response.body!.getReader();
      let count = 0;
      let bytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.length;
        for (let i = chunk.value.indexOf(10); i !== -1; i = chunk.value.indexOf(10, i + 1)) count++;
      }
      const seconds = (performance.now() - fileStarted) / 1000;
      return {
        type,
        url: url.slice(url.indexOf('/fhir/') + 6),
        seconds,
        megabytes: bytes / 1_048_576,
        lines: count,
      };
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const lines: Record<string, number> = {};
  for (const file of files) lines[file.type] = (lines[file.type] ?? 0) + file.lines;
  const megabytes = files.reduce((sum, file) => sum + file.megabytes, 0);
  return { seconds, lines, megabytes, files };
}

/**
 * Seconds each resource type's file takes in SQL alone (no PostgREST, no function, no network):
 * the pages the function asks for, one after another (for Slot, the pages of sources the function
 * writes the lines from).
 */
export async function timeFeedPagesInSql(db: pg.Pool, payerId: string): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const session = await db.connect();
  try {
    for (const type of pagedTypes) {
      const started = performance.now();
      let after: string | null = null;
      do {
        // the next page's key is the response header the function sets for PostgREST
        await session.query('begin');
        const { rows }: { rows: { next: string | null }[] } = await session.query(
          `select length(public.payer_fhir_file($1, $2, $3, 'https://app.example.org', null, $4)),
                  nullif(current_setting('response.headers', true), '')::json -> 0 ->> 'Feed-Next-After' as next`,
          [payerId, type, feedPageSizes[type], after],
        );
        await session.query('rollback');
        after = rows[0]!.next;
      } while (after);
      seconds[type] = (performance.now() - started) / 1000;
    }
    const started = performance.now();
    let after: string | null = null;
    do {
      const { rows }: { rows: { therapist: string }[] } = await session.query(
        `select therapist, occurrences, busy from public.payer_fhir_slot_sources($1, $2, null, $3, 0, 1)`,
        [payerId, slotSourcePageSize, after],
      );
      after = rows.length === slotSourcePageSize ? rows.at(-1)!.therapist : null;
    } while (after);
    seconds.Slot = (performance.now() - started) / 1000;
  } finally {
    session.release();
  }
  return seconds;
}
