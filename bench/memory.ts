/** Resident memory of the benchmark process and every process it started (the local stack). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { round } from './stats.ts';

const run = promisify(execFile);

/** Resident memory (MB) of this process and every process it started. */
export async function stackRssMb(): Promise<number> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=,rss=']);
  const rows = stdout
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return round(rows.filter(([pid]) => inTree.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024, 0);
}

/** Samples stackRssMb every `everyMs` while `work` runs; the highest sample. */
export async function peakRssWhile<T>(
  work: () => Promise<T>,
  everyMs = 100,
): Promise<{ result: T; peakMb: number }> {
  let peakMb = await stackRssMb();
  let running = true;
  const sampler = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, everyMs));
      peakMb = Math.max(peakMb, await stackRssMb());
    }
  })();
  try {
    return { result: await work(), peakMb };
  } finally {
    running = false;
    await sampler;
  }
}
