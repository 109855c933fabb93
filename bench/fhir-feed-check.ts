/**
 * `npm run bench:fhir-feed`: the FHIR slot feed figure alone, with where its time goes. Starts its
 * own stack (`.local/bench-fhir`, or `.local/bench-fhir-<offset>` for another
 * `CRP_BENCH_PORT_OFFSET`), seeds the benchmark dataset, then times the whole feed through the
 * gateway and the payer-api function (the figure `npm run bench` prints), each resource type's
 * pages in SQL alone, and the memory of the stack while the feed streams.
 * `--reuse` keeps the stack's data from the last run (seeded once), for profiling a change.
 */
import os from 'node:os';
import { startBenchStack } from './bench-stack.ts';
import { feedBudgetSeconds, feedTherapists, measureFhirFeed, timeFeedPagesInSql } from './fhir-feed.ts';
import { seedUnlessSeeded } from './seed.ts';
import { round } from './stats.ts';

const reuse = process.argv.includes('--reuse');

async function main() {
  const b = await startBenchStack('bench-fhir', 0, { fresh: !reuse, poolSize: 4 });
  const { db, stack } = b;
  try {
    await seedUnlessSeeded(db);
    await db.query('analyze');

    const feed = await measureFhirFeed(db, stack.urls.api);
    const met = feed.seconds <= feedBudgetSeconds;
    console.log(
      `  ${met ? '✓' : '✗'} FHIR slot feed, payer with ${feedTherapists.toLocaleString('en-US')} therapists, 60 days of slots: ` +
        `${round(feed.seconds, 2)} s for ${feed.lines.Slot} slots, ${round(feed.megabytes, 1)} MB streamed (budget ≤ ${feedBudgetSeconds} s)`,
    );
    console.log(
      `    memory of the stack while streaming: ${feed.rssBeforeMb} MB before, ${feed.rssPeakMb} MB at most; load average ${os
        .loadavg()
        .map((l) => round(l, 1))
        .join(' ')}`,
    );
    for (const file of feed.files)
      console.log(
        `    ${file.url}: ${round(file.seconds, 2)} s, ${round(file.megabytes, 1)} MB, ${file.lines} lines`,
      );
    for (const [type, seconds] of Object.entries(await timeFeedPagesInSql(db, feed.payerId)))
      console.log(`    ${type}: ${round(seconds, 2)} s of SQL, ${feed.lines[type]} lines`);
  } finally {
    await b.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
