import { deepStrictEqual, equal, rejects } from 'node:assert/strict';
import {
  feedPageFetcher,
  slotPartCounter,
  slotSourceFetcher,
  slotSourcePageSize,
  therapistsPerSlotFile,
} from './feed-pages.ts';

/** A stand-in data API: answers each call with `answer`, records what was asked. */
function dataApi(answer: (url: URL) => Response) {
  const asked: { url: URL; headers: Headers }[] = [];
  const options = {
    supabaseUrl: 'https://project-ref.supabase.co',
    serviceRoleKey: 'service-key',
    fetch: (input: URL | RequestInfo, init?: RequestInit) => {
      const url = new URL(String(input));
      asked.push({ url, headers: new Headers(init?.headers) });
      return Promise.resolve(answer(url));
    },
  };
  const fetchPage = feedPageFetcher({ ...options, siteUrl: 'https://app.example.org' });
  return { asked, options, fetchPage, slotSources: slotSourceFetcher(options) };
}

Deno.test('a page is asked of payer_fhir_file as raw NDJSON; its body and next key come back', async () => {
  const api = dataApi(
    () =>
      new Response('{"a":1}\n', {
        headers: { 'content-type': 'application/fhir+ndjson', 'feed-next-after': 'k1' },
      }),
  );
  const page = await api.fetchPage('payer-1', 'Schedule', '2027-05-04T13:00:00.000Z', 'k0');
  equal(await new Response(page.body).text(), '{"a":1}\n');
  equal(page.nextAfter, 'k1');
  const [{ url, headers }] = api.asked as [{ url: URL; headers: Headers }];
  equal(url.pathname, '/rest/v1/rpc/payer_fhir_file');
  deepStrictEqual(Object.fromEntries(url.searchParams), {
    payer: 'payer-1',
    resource_type: 'Schedule',
    since: '2027-05-04T13:00:00.000Z',
    after_id: 'k0',
    page_size: '1000',
    site_url: 'https://app.example.org',
  });
  equal(headers.get('accept'), 'application/fhir+ndjson');
  equal(headers.get('authorization'), 'Bearer service-key');
  const first = await api.fetchPage('payer-1', 'Location', null, null);
  await first.body.cancel();
  equal(api.asked[1]!.url.searchParams.has('since'), false);
  equal(api.asked[1]!.url.searchParams.has('after_id'), false);
});

Deno.test('a refused page throws the data API’s error, as supabase-js would', async () => {
  const api = dataApi(() =>
    Response.json({ code: '22023', message: 'payer is required', hint: null }, { status: 400 }),
  );
  await rejects(api.fetchPage('payer-1', 'Schedule', null, null), {
    code: '22023',
    message: 'payer is required',
    status: 400,
  });
});

Deno.test(
  'Slot sources are asked of payer_fhir_slot_sources as JSON; a full page has a next key',
  async () => {
    const row = (therapist: string) => ({
      therapist,
      slug: 's',
      session_seconds: 3600,
      occurrences: [],
      busy: [],
    });
    let rows = Array.from({ length: slotSourcePageSize }, (_, i) => row(`t${i}`));
    const api = dataApi(() => Response.json(rows));
    const full = await api.slotSources('payer-1', '2027-05-04T13:00:00.000Z', 'k0', { index: 1, count: 4 });
    equal(full.rows.length, slotSourcePageSize);
    equal(full.nextAfter, `t${slotSourcePageSize - 1}`);
    const [{ url, headers }] = api.asked as [{ url: URL; headers: Headers }];
    equal(url.pathname, '/rest/v1/rpc/payer_fhir_slot_sources');
    deepStrictEqual(Object.fromEntries(url.searchParams), {
      payer: 'payer-1',
      page_size: String(slotSourcePageSize),
      since: '2027-05-04T13:00:00.000Z',
      after_id: 'k0',
      part: '1',
      parts: '4',
    });
    equal(headers.get('accept'), 'application/json');
    rows = [row('last')];
    equal((await api.slotSources('payer-1', null, null, { index: 0, count: 1 })).nextAfter, null);
    for (const name of ['since', 'after_id', 'part', 'parts'])
      equal(api.asked[1]!.url.searchParams.has(name), false, name);
  },
);

Deno.test('the Slot file is split in as many parts as payer_fhir_slot_parts says', async () => {
  const api = dataApi(() => Response.json(3));
  equal(await slotPartCounter(api.options)('payer-1'), 3);
  equal(api.asked[0]!.url.pathname, '/rest/v1/rpc/payer_fhir_slot_parts');
  deepStrictEqual(Object.fromEntries(api.asked[0]!.url.searchParams), {
    payer: 'payer-1',
    per_file: String(therapistsPerSlotFile),
  });
});
