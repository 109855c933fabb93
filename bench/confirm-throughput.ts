/**
 * Confirm throughput: 8 staff of bench-200 confirm the given pending requests concurrently through
 * the API (overlapping ones are refused with `appointment_overlap`, as the app would see it).
 */
import { benchPassword, type BenchStack } from './bench-stack.ts';
import { round } from './stats.ts';

export async function confirmThroughput(
  b: BenchStack,
  requestIds: string[],
): Promise<{ perSecond: number; confirmed: number }> {
  let next = 0;
  let confirmed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      const worker = b.client(b.stack.keys.anonKey);
      await worker.auth.signInWithPassword({
        email: 'scheduler@bench-200.example.org',
        password: benchPassword,
      });
      while (next < requestIds.length) {
        const { error } = await worker.rpc('confirm_referral_request', { request_id: requestIds[next++]! });
        if (!error) confirmed++;
        else if (error.hint !== 'appointment_overlap') throw error;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: round(requestIds.length / seconds, 0), confirmed };
}
