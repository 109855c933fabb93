import { describe, expect, it } from 'vitest';
import { carriedParams, deepLinkTarget, portalPaths } from './step-paths';

const therapist = '57af0000-0000-4000-8000-000000000003';

describe('the request page’s step addresses', () => {
  it('carries a payer’s source and booking-referral, and nothing else, through every step', () => {
    const carried = carriedParams(
      new URLSearchParams('source=aetna&booking-referral=r-1&email=a%40b.c&slot=x'),
    );
    expect(carried.toString()).toBe('source=aetna&booking-referral=r-1');
    expect(portalPaths.times('harborview', therapist, carried)).toBe(
      `/request/harborview/therapists/${therapist}?source=aetna&booking-referral=r-1`,
    );
    expect(portalPaths.details('harborview', therapist, '2027-05-04T13:00:00.000Z', carried)).toBe(
      `/request/harborview/therapists/${therapist}/request?slot=2027-05-04T13%3A00%3A00.000Z&source=aetna&booking-referral=r-1`,
    );
    expect(carriedParams(new URLSearchParams({ source: 'x'.repeat(201) })).toString()).toBe('');
  });

  it('turns a FHIR deep link into the details step, and ignores one that names no therapist or time', () => {
    expect(
      deepLinkTarget(
        'harborview',
        new URLSearchParams(
          `therapist=${therapist}&slot=2027-05-04T13:00:00Z&source=aetna&booking-referral=r-1`,
        ),
      ),
    ).toBe(
      `/request/harborview/therapists/${therapist}/request?slot=2027-05-04T13%3A00%3A00.000Z&source=aetna&booking-referral=r-1`,
    );
    expect(
      deepLinkTarget('harborview', new URLSearchParams('therapist=nope&slot=2027-05-04T13:00:00Z')),
    ).toBeNull();
    expect(deepLinkTarget('harborview', new URLSearchParams(`therapist=${therapist}&slot=soon`))).toBeNull();
  });
});
