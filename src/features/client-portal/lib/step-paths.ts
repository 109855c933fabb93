/**
 * The request page's steps, each an address of its own (therapists → times → details → sent), so
 * Back and Refresh work and a step can be shared. What must survive a refresh is in the address:
 * the therapist, the time, the filters, and a payer's `source` / `booking-referral`; never anything
 * the person typed (their details are health information).
 */

/** The parameters a payer's FHIR deep link adds (SMART Scheduling Links), carried through every step. */
export const carriedParamNames = ['source', 'booking-referral'] as const;

/** Longer than any value the request accepts: a link stuffed with text is not carried further. */
const maxCarriedLength = 200;

/** The carried parameters of an address's query string (checked for real when the request is sent). */
export function carriedParams(search: URLSearchParams): URLSearchParams {
  const carried = new URLSearchParams();
  for (const name of carriedParamNames) {
    const value = search.get(name);
    if (value && value.length <= maxCarriedLength) carried.set(name, value);
  }
  return carried;
}

const withQuery = (path: string, query: URLSearchParams) => {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

const clinicPath = (clinicSlug: string) => `/request/${encodeURIComponent(clinicSlug)}`;
const therapistPath = (clinicSlug: string, therapistId: string) =>
  `${clinicPath(clinicSlug)}/therapists/${encodeURIComponent(therapistId)}`;

export const portalPaths = {
  therapists: (clinicSlug: string, carried: URLSearchParams) => withQuery(clinicPath(clinicSlug), carried),
  times: (clinicSlug: string, therapistId: string, carried: URLSearchParams) =>
    withQuery(therapistPath(clinicSlug, therapistId), carried),
  details: (clinicSlug: string, therapistId: string, slotStart: string, carried: URLSearchParams) => {
    const query = new URLSearchParams({ slot: slotStart });
    for (const [name, value] of carried) query.set(name, value);
    return withQuery(`${therapistPath(clinicSlug, therapistId)}/request`, query);
  },
  sent: (clinicSlug: string) => `${clinicPath(clinicSlug)}/sent`,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A payer's deep link (`?therapist=…&slot=…`, from the FHIR slot feed) as the details step's
 * address, carrying `source` and `booking-referral`; null when the link does not name both.
 */
export function deepLinkTarget(clinicSlug: string, search: URLSearchParams): string | null {
  const therapist = search.get('therapist');
  const slot = search.get('slot');
  if (!therapist || !uuidPattern.test(therapist) || !slot || Number.isNaN(Date.parse(slot))) return null;
  return portalPaths.details(clinicSlug, therapist, new Date(slot).toISOString(), carriedParams(search));
}
