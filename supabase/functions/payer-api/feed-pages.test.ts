import { deepStrictEqual, equal, rejects } from 'node:assert/strict';
import { feedPageFetcher } from './feed-pages.ts';

/** A stand-in data API: answers each call with `answer`, records what was asked. */
function dataApi(answer: (url: URL) => Response) {
  const asked: { url: URL; headers: Headers }[] = [];
  const fetchPage = feedPageFetcher({
    supabaseUrl: 'https://project-ref.supabase.co',
    serviceRoleKey: 'service-key',
    siteUrl: 'https://app.example.org',
    fetch: (input, init) => {
      const url = new URL(String(input));
      asked.push({ url, headers: new Headers(init?.headers) });
      return Promise.resolve(answer(url));
    },
  });
  return { asked, fetchPage };
}

Deno.test('a page is asked of payer_fhir_file as raw NDJSON; its body and next key come back', async () => {
  const api = dataApi(
    () =>
      new Response('{"a":1}\n', {
        headers: { 'content-type': 'application/fhir+ndjson', 'feed-next-after': 'k1' },
      }),
  );
  const page = await api.fetchPage('payer-1', 'Slot', '2027-05-04T13:00:00.000Z', 'k0');
  equal(await new Response(page.body).text(), '{"a":1}\n');
  equal(page.nextAfter, 'k1');
  const [{ url, headers }] = api.asked as [{ url: URL; headers: Headers }];
  equal(url.pathname, '/rest/v1/rpc/payer_fhir_file');
  deepStrictEqual(Object.fromEntries(url.searchParams), {
    payer: 'payer-1',
    resource_type: 'Slot',
    since: '2027-05-04T13:00:00.000Z',
    after_id: 'k0',
    page_size: '250',
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
  await rejects(api.fetchPage('payer-1', 'Slot', null, null), {
    code: '22023',
    message: 'payer is required',
    status: 400,
  });
});
