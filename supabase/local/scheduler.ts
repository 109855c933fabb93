/**
 * The local stand-in for pg_cron + pg_net: calls the same edge functions on the same schedule
 * that supabase/cron/hosted-schedule.sql sets up on a hosted project.
 */
import type { PartLog } from './part-log.ts';

export interface ScheduledJob {
  name: string;
  /** An edge function or an rpc, as the service role calls it through the gateway. */
  path: string;
  everyMs: number;
}

/**
 * Hosted pg_cron runs these every minute; locally they run every `everyMs` so a developer (or a
 * test) sees an email seconds after the change that queued it.
 */
export function scheduledJobs(everyMs: number): ScheduledJob[] {
  return [
    { name: 'expire-requests', path: '/functions/v1/expire-requests', everyMs },
    { name: 'send-emails', path: '/functions/v1/send-emails', everyMs },
    // staff who chose a digest of new requests: one email per person per period
    { name: 'alert-digests', path: '/rest/v1/rpc/queue_alert_digests', everyMs },
    { name: 'deliver-webhooks', path: '/functions/v1/deliver-webhooks', everyMs },
    // daily on a hosted project; hourly here, so a long-running dev stack keeps its window
    { name: 'extend-availability', path: '/rest/v1/rpc/extend_availability_window', everyMs: 3_600_000 },
  ];
}

export function startScheduler(options: {
  apiUrl: string;
  serviceRoleKey: string;
  jobs: ScheduledJob[];
  log: PartLog;
}) {
  const running = new Set<string>();
  const timers = options.jobs.map((job) =>
    setInterval(async () => {
      // a run still in progress is not started twice, as with pg_cron
      if (running.has(job.name)) return;
      running.add(job.name);
      try {
        const response = await fetch(`${options.apiUrl}${job.path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.serviceRoleKey}`,
            apikey: options.serviceRoleKey,
            'content-type': 'application/json',
          },
          body: '{}',
        });
        const body = await response.text();
        if (!response.ok) options.log.write(`${job.name} answered ${response.status}: ${body}`);
        else if (!/"(claimed|expired)":0\b|^0$/.test(body)) options.log.write(`${job.name}: ${body}`);
      } catch (error) {
        options.log.write(`${job.name} failed: ${(error as Error).message}`);
      } finally {
        running.delete(job.name);
      }
    }, job.everyMs),
  );
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
