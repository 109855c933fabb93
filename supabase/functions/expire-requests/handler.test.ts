import { deepStrictEqual, equal } from 'node:assert/strict';
import { createExpireRequestsHandler } from './handler.ts';

const token = (role: string) => `Bearer h.${btoa(JSON.stringify({ role })).replace(/=+$/, '')}.s`;

Deno.test('expires, then reminds, for the service role only', async () => {
  const order: string[] = [];
  const handle = createExpireRequestsHandler({
    expire: () => (order.push('expire'), Promise.resolve(3)),
    remind: () => (order.push('remind'), Promise.resolve(1)),
  });
  const res = await handle(new Request('http://x/expire-requests', { method: 'POST', headers: { authorization: token('service_role') } }));
  deepStrictEqual(await res.json(), { expired: 3, reminded: 1 });
  deepStrictEqual(order, ['expire', 'remind']);
  equal((await handle(new Request('http://x/expire-requests', { method: 'POST', headers: { authorization: token('authenticated') } }))).status, 403);
});
