/**
 * The local stand-in for pg_cron + pg_net: calls the same edge functions on the same schedule
 * that supabase/cron/hosted-schedule.sql sets up on a hosted project.
 */
import type { PartLog } from './part-log.ts';

export interface ScheduledJob {
  fn: string;
  everyMs: number;
}

/**
 * Hosted pg_cron runs these every minute; locally they run every `everyMs` so a developer (or a
 * test) sees an email seconds after the change that queued it.
 */
export function scheduledJobs(everyMs: number): ScheduledJob[] {
  return [{ fn: 'send-emails', everyMs }];
}

export function startScheduler(options: { apiUrl: string; serviceRoleKey: string; jobs: ScheduledJob[]; log: PartLog }) {
  const running = new Set<string>();
  const timers = options.jobs.map((job) =>
    setInterval(async () => {
      // a run still in progress is not started twice, as with pg_cron
      if (running.has(job.fn)) return;
      running.add(job.fn);
      try {
        const response = await fetch(`${options.apiUrl}/functions/v1/${job.fn}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.serviceRoleKey}` },
        });
        const body = await response.text();
        if (!response.ok) options.log.write(`${job.fn} answered ${response.status}: ${body}`);
        else if (!/"claimed":0\b/.test(body)) options.log.write(`${job.fn}: ${body}`);
      } catch (error) {
        options.log.write(`${job.fn} failed: ${(error as Error).message}`);
      } finally {
        running.delete(job.fn);
      }
    }, job.everyMs),
  );
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
