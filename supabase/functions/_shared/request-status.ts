/**
 * The client's status link: the token's shape, the status page's calls (status, withdraw, pick an
 * offered time) and what the status page is told. One contract: the client-portal function
 * validates with these schemas and the app's status page types its data with them. Imports only
 * `zod`, so the browser bundle can take it as it is.
 */
import { z } from 'zod';

/** 32 random bytes, base64url (43 characters), as the database makes them. */
export const statusTokenSchema = z
  .string({ error: 'token is required: open the link from your email.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, 'This is not a status link token: open the whole link from your email.');

export const statusCallSchema = z.strictObject({ token: statusTokenSchema });

export const pickOfferedTimeSchema = z.strictObject({
  token: statusTokenSchema,
  offered_time_id: z.uuid({ error: 'offered_time_id must be the id of one of the offered times.' }),
});

export type RequestState =
  'pending' | 'alternatives_offered' | 'confirmed' | 'declined' | 'expired' | 'withdrawn' | 'unverified';

export interface OfferedTime {
  id: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  therapist_name: string;
  office_name: string | null;
  format: 'in_person' | 'telehealth';
  /** open: can be picked; picked: booked; lost: taken by someone else; the rest: no longer offered */
  state: 'open' | 'picked' | 'lost' | 'not_picked' | 'expired' | 'withdrawn';
}

export interface StatusOfRequest {
  state: RequestState;
  therapist_name: string;
  office_phone: string | null;
  office_name: string | null;
  office_address: string | null;
  format: 'in_person' | 'telehealth';
  starts_at: string;
  ends_at: string;
  time_zone: string;
  /** the clinic's deadline to answer, or while times are offered, the client's to pick one */
  expires_at: string;
  expiry_cause: 'slot_started' | 'deadline' | 'offer_expired' | null;
  decided_at: string | null;
  withdrawn_at: string | null;
  withdrawn_by_client: boolean | null;
  offer: { message: string | null; offered_at: string; times: OfferedTime[] } | null;
}

export interface StatusClinic {
  name: string;
  /** the clinic's public request page is /request/<slug> */
  slug: string;
}

/** 200 of POST /status. */
export interface RequestStatusAnswer {
  clinic: StatusClinic;
  request: StatusOfRequest;
}

/** The database's answer to a status link (public.request_status_by_token). */
export type RequestStatusLookup =
  | { outcome: 'ok'; clinic: StatusClinic; request: StatusOfRequest }
  | { outcome: 'link_expired'; clinic: StatusClinic }
  | { outcome: 'unknown' };

/** public.withdraw_request_by_token. */
export interface WithdrawOutcome {
  outcome: 'withdrawn' | 'not_withdrawable' | 'link_expired' | 'unknown';
  state: RequestState | null;
}

/** public.pick_offered_time_by_token. */
export interface PickOutcome {
  outcome: 'confirmed' | 'slot_lost' | 'offer_over' | 'not_offered' | 'link_expired' | 'unknown';
  state?: RequestState;
}

/** The error codes of the status calls, so the page can tell them apart. */
export const statusErrorCodes = {
  unknown: 'status_link_unknown',
  expired: 'status_link_expired',
  notWithdrawable: 'not_withdrawable',
  slotLost: 'slot_lost',
  offerOver: 'offer_over',
  notOffered: 'not_offered',
} as const;
