import { deepStrictEqual, equal } from 'node:assert/strict';
import { createExpireRequestsApp } from './handler.ts';

const token = (role: string) => `Bearer h.${btoa(JSON.stringify({ role })).replace(/=+$/, '')}.s`;

Deno.test(
  'expires, removes unverified requests past their window, then reminds, for the service role only',
  async () => {
    const order: string[] = [];
    const handle = createExpireRequestsApp({
      expire: () => (order.push('expire'), Promise.resolve(3)),
      removeUnverified: () => (order.push('removeUnverified'), Promise.resolve(2)),
      remind: () => (order.push('remind'), Promise.resolve(1)),
    }).fetch;
    const res = await handle(
      new Request('http://x/expire-requests', {
        method: 'POST',
        headers: { authorization: token('service_role') },
      }),
    );
    deepStrictEqual(await res.json(), { expired: 3, removed_unverified: 2, reminded: 1 });
    deepStrictEqual(order, ['expire', 'removeUnverified', 'remind']);
    equal(
      (
        await handle(
          new Request('http://x/expire-requests', {
            method: 'POST',
            headers: { authorization: token('authenticated') },
          }),
        )
      ).status,
      403,
    );
  },
);
