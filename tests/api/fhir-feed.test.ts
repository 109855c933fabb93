/**
 * The payer's FHIR slot feed (SMART Scheduling Links bulk publish) through the gateway and the
 * edge runtime: every resource valid FHIR R4, only the therapists the payer may see (the
 * directory's rule), free and busy slots with offsets, the booking deep link, _since, and 400s.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createListedTherapist, insertPendingRequest, newPayerKey } from './factories.ts';
import { expectDocumented } from './openapi.ts';
import { personasForThisFile, testEnv, withDb } from './personas.ts';
import { expectValidFhir } from './support/fhir-schema.ts';

const personas = personasForThisFile();
let cignaKey: string, cignaOnlyId: string;

type Resource = { resourceType: string; id: string; [field: string]: unknown };

const feedUrl = (path: string) => `${testEnv().apiUrl}/functions/v1/payer-api${path}`;
const call = (key: string, path: string) =>
  fetch(feedUrl(path), { headers: { authorization: `Bearer ${key}` } });

/** One feed file, each line parsed and checked against the FHIR R4 schema. */
async function feedFile(key: string, type: string, query = ''): Promise<Resource[]> {
  const response = await call(key, `/fhir/${type}.ndjson${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/fhir+ndjson');
  expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
  const text = await response.text();
  const resources = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Resource);
  for (const resource of resources) {
    expect(resource.resourceType).toBe(type);
    expectValidFhir(resource);
  }
  return resources;
}

beforeAll(async () => {
  const cignaOnly = await createListedTherapist(personas, personas.payers.cigna);
  cignaOnlyId = cignaOnly.id;
  cignaKey = await newPayerKey(personas.payers.cigna);
}, 60_000);

describe('the bulk-publish manifest', () => {
  it('lists a Location, PractitionerRole, Schedule and Slot file and no errors, cacheable', async () => {
    const response = await call(personas.payerKey, '/$bulk-publish');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const manifest = await response.json();
    expectDocumented('/$bulk-publish', 'get', 200, manifest);
    expect(Date.parse(manifest.transactionTime)).toBeGreaterThan(Date.now() - 60_000);
    expect(manifest.request).toMatch(/\/functions\/v1\/payer-api\/\$bulk-publish$/);
    expect(manifest.error).toEqual([]);
    expect(manifest.output.map((o: { type: string }) => o.type)).toEqual([
      'Location',
      'PractitionerRole',
      'Schedule',
      'Slot',
    ]);
    for (const { type, url } of manifest.output as { type: string; url: string }[])
      expect(url).toBe(feedUrl(`/fhir/${type}.ndjson`));
  });

  it('needs a payer key', async () => {
    expect((await fetch(feedUrl('/$bulk-publish'))).status).toBe(401);
    expect((await fetch(feedUrl('/fhir/Slot.ndjson'))).status).toBe(401);
  });

  it('refuses an unknown _type or a malformed _since with a 400 naming it', async () => {
    const badType = await call(personas.payerKey, '/$bulk-publish?_type=Patient');
    expect(badType.status).toBe(400);
    expectDocumented('/$bulk-publish', 'get', 400, await badType.clone().json());
    expect((await badType.json()).error).toMatchObject({ field: '_type' });
    for (const since of ['yesterday', '2027-13-01T00:00:00Z', '2027-05-01T00:00:00']) {
      const badSince = await call(personas.payerKey, `/fhir/Slot.ndjson?_since=${encodeURIComponent(since)}`);
      expect(badSince.status, since).toBe(400);
      expect((await badSince.json()).error).toMatchObject({ field: '_since' });
    }
  });
});

describe('what a payer sees', () => {
  it("payer A's feed holds its therapists and never payer B's, and the reverse", async () => {
    const priya = personas.staff.therapist.id;
    const aetnaRoles = (await feedFile(personas.payerKey, 'PractitionerRole')).map((r) => r.id);
    expect(aetnaRoles).toContain(priya);
    expect(aetnaRoles).not.toContain(cignaOnlyId);
    const cignaRoles = (await feedFile(cignaKey, 'PractitionerRole')).map((r) => r.id);
    expect(cignaRoles).toEqual([cignaOnlyId]);

    const cignaSlots = await feedFile(cignaKey, 'Slot');
    expect(cignaSlots.length).toBeGreaterThan(0);
    expect(new Set(cignaSlots.map((s) => (s.schedule as { reference: string }).reference))).toEqual(
      new Set([`Schedule/${cignaOnlyId}`]),
    );
    const aetnaSchedules = await feedFile(personas.payerKey, 'Schedule');
    expect(aetnaSchedules.map((s) => s.id)).not.toContain(cignaOnlyId);
  });

  it('a PractitionerRole says it accepts new patients (Plan-Net newpatients)', async () => {
    const [role] = (await feedFile(cignaKey, 'PractitionerRole')) as Resource[];
    expect(role!.extension).toEqual([
      {
        url: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients',
        extension: [
          {
            url: 'acceptingPatients',
            valueCodeableConcept: {
              coding: [
                {
                  system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS',
                  code: 'newpt',
                  display: 'Accepting',
                },
              ],
            },
          },
        ],
      },
    ]);
    const [schedule] = await feedFile(cignaKey, 'Schedule');
    expect(schedule!.actor).toEqual([
      expect.objectContaining({ reference: `PractitionerRole/${cignaOnlyId}` }),
    ]);
    const locations = await feedFile(cignaKey, 'Location');
    expect(locations.map((l) => l.id)).toEqual([personas.clinic.locationId]);
  });

  it('slots are free with a deep link to the request page, or busy while a request holds them', async () => {
    const held = await insertPendingRequest(personas, cignaOnlyId, {
      payer: personas.payers.cigna,
      daysAhead: 5,
    });
    const slots = await feedFile(cignaKey, 'Slot');
    for (const slot of slots) {
      // seconds and the office's offset (Boston: -05:00 or -04:00)
      expect(slot.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
      expect(slot.end).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
    }
    const busy = slots.find((s) => Date.parse(s.start as string) === held.slotStart.getTime());
    expect(busy).toMatchObject({ status: 'busy' });
    expect(busy!.extension).toBeUndefined();
    const free = slots.find((s) => s.status === 'free')!;
    const [link] = free.extension as { url: string; valueUrl: string }[];
    expect(link!.url).toBe('http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link');
    const deepLink = new URL(link!.valueUrl);
    expect(deepLink.pathname).toBe(`/request/${personas.clinic.slug}`);
    expect(deepLink.searchParams.get('therapist')).toBe(cignaOnlyId);
    expect(Date.parse(deepLink.searchParams.get('slot')!)).toBe(Date.parse(free.start as string));
  });

  it('each Slot line is minified JSON with resourceType first, as SMART Scheduling Links writes them', async () => {
    const response = await call(cignaKey, '/fhir/Slot.ndjson');
    const lines = (await response.text()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toBe(JSON.stringify(JSON.parse(line)));
      expect(line.startsWith('{"resourceType":"Slot",')).toBe(true);
    }
  });

  it('the Slot file in parts: together the parts are the whole file, each therapist in one part', async () => {
    const whole = await feedFile(personas.payerKey, 'Slot');
    const parts = await Promise.all(
      [0, 1, 2].map((part) => feedFile(personas.payerKey, 'Slot', `?part=${part}&parts=3`)),
    );
    const ids = (slots: Resource[]) => slots.map((s) => s.id).sort();
    expect(ids(parts.flat())).toEqual(ids(whole));
    const scheduleOf = (s: Resource) => (s.schedule as { reference: string }).reference;
    const partsOfSchedule = new Map<string, Set<number>>();
    parts.forEach((slots, part) =>
      slots.forEach((s) =>
        partsOfSchedule.set(scheduleOf(s), (partsOfSchedule.get(scheduleOf(s)) ?? new Set()).add(part)),
      ),
    );
    for (const [schedule, inParts] of partsOfSchedule) expect(inParts.size, schedule).toBe(1);
    expect((await call(personas.payerKey, '/fhir/Slot.ndjson?part=3&parts=3')).status).toBe(400);
  });

  it('free slots are exactly the open slots the directory offers, busy ones the rest', async () => {
    // a held slot and a scheduled appointment, so both kinds of busy time are in the window
    await insertPendingRequest(personas, cignaOnlyId, { payer: personas.payers.cigna, daysAhead: 9 });
    const slots = await feedFile(cignaKey, 'Slot');
    const open = await withDb(async (db) => {
      const { rows } = await db.query<{ slot_start: Date }>(
        `select slot_start from private.open_slots($1, now(), now() + interval '60 days', now()) order by 1`,
        [cignaOnlyId],
      );
      return rows.map((row) => row.slot_start.toISOString());
    });
    const startsOf = (status: string) =>
      slots.filter((s) => s.status === status).map((s) => new Date(s.start as string).toISOString());
    expect(startsOf('free')).toEqual(open);
    expect(startsOf('busy').length).toBeGreaterThan(0);
    expect(startsOf('busy').filter((start) => open.includes(start))).toEqual([]);
  });

  it('_since keeps only what changed at or after it', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect(await feedFile(cignaKey, 'PractitionerRole', `?_since=${encodeURIComponent(soon)}`)).toEqual([]);
    expect(await feedFile(cignaKey, 'Slot', `?_since=${encodeURIComponent(soon)}`)).toEqual([]);
    const before = new Date(Date.now() - 3_600_000).toISOString();
    expect(
      (await feedFile(cignaKey, 'PractitionerRole', `?_since=${encodeURIComponent(before)}`)).map(
        (r) => r.id,
      ),
    ).toEqual([cignaOnlyId]);
  });
});

describe('where the Slot lines come from', () => {
  it('the database no longer writes Slot pages: asking it for one fails and says where they come from', async () => {
    await withDb(async (db) => {
      await expect(
        db.query(`select public.payer_fhir_file($1, 'Slot', 10, 'https://app.example.org')`, [
          personas.payers.cigna,
        ]),
      ).rejects.toThrow(/payer_fhir_slot_sources/);
    });
  });
});
