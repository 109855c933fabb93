/**
 * The FHIR slot feed of a payer with 2,000 listed therapists (60 days of weekly availability from
 * the large seed): the whole feed — manifest and all four NDJSON files — read through the gateway
 * and the payer-api function, and the edge runtime's memory before and after (the files are
 * streamed a page at a time, so it should not grow with the feed).
 */
import type pg from 'pg';
import { peakRssWhile, stackRssMb } from './memory.ts';

export const feedTherapists = 2000;
export const feedBudgetSeconds = 2;
const feedTypes = ['Location', 'PractitionerRole', 'Schedule', 'Slot'] as const;

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

/** The manifest and every file it lists, read as a payer would; lines per type, seconds, MB. */
async function readWholeFeed(apiUrl: string, headers: Record<string, string>) {
  const started = performance.now();
  const manifest = (await (
    await fetch(`${apiUrl}/functions/v1/payer-api/$bulk-publish`, { headers })
  ).json()) as {
    output: { type: string; url: string }[];
  };
  const lines: Record<string, number> = {};
  let bytes = 0;
  for (const { type, url } of manifest.output) {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`${type}.ndjson answered ${response.status}`);
    const reader = response.body!.getReader();
    let count = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.length;
      for (const byte of chunk.value) if (byte === 10) count++;
    }
    lines[type] = count;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, lines, megabytes: bytes / 1_048_576 };
}

/** Seconds each resource type's pages take in SQL alone (no function, no network). */
export async function timeFeedPagesInSql(db: pg.Pool, payerId: string): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  for (const type of feedTypes) {
    const started = performance.now();
    let after: string | null = null;
    for (;;) {
      const { rows }: { rows: { page_key: string }[] } = await db.query(
        `select page_key from public.payer_fhir_page($1, $2, null, $3, 200, 'https://app.example.org')`,
        [payerId, type, after],
      );
      if (rows.length > 0) after = rows.at(-1)!.page_key;
      if (rows.length < 200) break;
    }
    seconds[type] = (performance.now() - started) / 1000;
  }
  return seconds;
}
