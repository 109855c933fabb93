import { fetchDirectory, fetchSlots, insertRequest } from '../_shared/directory-queries.ts';
import { serviceClient, unwrap } from '../_shared/service-client.ts';
import { createClientPortalHandler } from './handler.ts';

const db = serviceClient();
const limitPerMinute = Number(Deno.env.get('CLIENT_PORTAL_RATE_LIMIT') ?? 60);

Deno.serve(
  createClientPortalHandler({
    async rateLimit(clientKey) {
      return unwrap(await db.rpc('client_portal_rate_limit', { client_key: clientKey, max_hits: limitPerMinute, window_seconds: 60 })) as number;
    },
    async clinic(slug) {
      const rows = unwrap(await db.rpc('portal_clinic', { slug })) as { clinic_id: string; name: string; time_zone: string }[];
      return rows[0] ?? null;
    },
    directory: (clinic, query) => fetchDirectory(db, { payer: null, clinic }, query),
    slots: (clinic, therapist, from, to) => fetchSlots(db, { payer: null, clinic }, therapist, from, to),
    createRequest: (clinic, request, key, hash) => insertRequest(db, { payer: null, clinic }, request, key, hash),
  }),
);
