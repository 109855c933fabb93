-- The FHIR slot feed took about 50 s for a payer with 2,000 therapists (budget 2 s), of which a
-- quarter was SQL: the rest was PostgREST writing each page of NDJSON as a JSON-escaped text
-- value and the payer-api function parsing it and writing it out again, 200 therapists a call.
-- Now a page of a feed file is one text value that PostgREST returns as it is (a function whose
-- return type is a domain named after the media type is PostgREST's handler for that media type,
-- PostgREST 12), which the function streams on to the payer without reading it; the key to ask
-- the next page after comes in a response header. The lines are public.payer_fhir_page's,
-- unchanged.

/** The feed files' media type: a function returning it answers `Accept: application/fhir+ndjson` with its text as it is. */
create domain public."application/fhir+ndjson" as text;

/**
 * One page of a payer's FHIR feed file as NDJSON text, each line ending in a newline:
 * public.payer_fhir_page's lines for `page_size` therapists (or locations) after `after_id`, in
 * order. When the page is full it sets the response header `Feed-Next-After` to the key to ask
 * the next page after; a page without it is the file's last.
 */
create function public.payer_fhir_file(
  payer uuid,
  resource_type text,
  page_size integer,
  site_url text,
  -- defaults, so a call through the data API may leave them out (a first page, the whole file)
  since timestamptz default null,
  after_id uuid default null
)
returns public."application/fhir+ndjson"
language plpgsql
stable
set search_path = ''
as $$
declare
  size constant integer := least(greatest(page_size, 1), 1000);
  lines text;
  keys integer;
  last_key uuid;
begin
  select coalesce(string_agg(p.ndjson || e'\n', '' order by p.page_key), ''), count(*),
         (pg_catalog.array_agg(p.page_key order by p.page_key desc))[1]
    into lines, keys, last_key
  from public.payer_fhir_page(payer, resource_type, since, after_id, size, site_url) p;
  if keys = size then
    perform pg_catalog.set_config('response.headers',
      pg_catalog.json_build_array(pg_catalog.json_build_object('Feed-Next-After', last_key))::text, true);
  end if;
  return lines;
end;
$$;

revoke execute on function public.payer_fhir_file(uuid, text, integer, text, timestamptz, uuid) from public, anon, authenticated;
grant execute on function public.payer_fhir_file(uuid, text, integer, text, timestamptz, uuid) to service_role;
