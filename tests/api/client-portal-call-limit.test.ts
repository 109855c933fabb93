/**
 * The public request page's call limit per address (60 a minute by default): a flood from one
 * address is answered 429 with Retry-After, and other addresses are not held up by it. Sent from
 * fresh loopback addresses, since the test stack exempts 127.0.0.1 (every other test calls from it).
 */
import { describe, expect, it } from 'vitest';
import { freshLoopbackAddress, requestFrom } from './from-address.ts';
import { testEnv, personasForThisFile } from './personas.ts';

const personas = personasForThisFile();
const directoryUrl = () =>
  `${testEnv().apiUrl}/functions/v1/client-portal/clinics/${personas.clinic.slug}?limit=1`;
const callsPerMinute = 60;

describe('the client portal’s call limit per address', () => {
  it(`answers 429 with Retry-After after ${callsPerMinute} calls a minute from one address; another address still gets through`, async () => {
    const flooder = freshLoopbackAddress();
    const statuses: number[] = [];
    for (let i = 0; i < callsPerMinute; i++)
      statuses.push((await requestFrom(flooder, directoryUrl())).status);
    // a window boundary can fall inside the loop, so the first refusal may come a little later
    let refused = await requestFrom(flooder, directoryUrl());
    for (let extra = 0; refused.status !== 429 && extra < callsPerMinute; extra++)
      refused = await requestFrom(flooder, directoryUrl());

    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.text).error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/try again in \d+ s/),
    });
    expect((await requestFrom(freshLoopbackAddress(), directoryUrl())).status).toBe(200);
  });
});
