/**
 * The client portal's contracts. The request form and its mutation use the very schema the
 * `client-portal` edge function validates with (architecture §5.4): one contract, two ends.
 * The shared files import only `zod`, so the browser bundle can take them as they are.
 */
import type { z } from 'zod';
import type { publicTherapist } from '../../../supabase/functions/_shared/directory.ts';
import { portalReferralRequestSchema } from '../../../supabase/functions/_shared/referral-request.ts';

export { portalReferralRequestSchema };

/** What the form holds (before parsing): optional fields may be left out. */
export type PortalRequestInput = z.input<typeof portalReferralRequestSchema>;
/** What is sent: the schema's parsed output (trimmed). */
export type PortalRequestBody = z.output<typeof portalReferralRequestSchema>;

/** The fields a person fills in (the therapist and the time come from the time they chose). */
export type PortalRequestField = Exclude<keyof PortalRequestInput, 'therapist_id' | 'slot_start'>;

/** A therapist as the directory returns them: public profile fields only. */
export type PortalTherapist = ReturnType<typeof publicTherapist>;

export interface PortalSlot {
  start: string;
  end: string;
  /** IANA zone of the office the time is at: the time is shown in it */
  time_zone: string;
  office_name: string;
}

export interface ClinicDirectoryPage {
  clinic: { name: string; time_zone: string };
  data: PortalTherapist[];
  next_cursor: string | null;
}

/** The 201 answer to a request: unverified until the emailed link is followed by `expires_at`. */
export interface PortalRequestCreated {
  id: string;
  status: 'unverified';
  expires_at: string;
  created_at: string;
}

/** The 200 answer to a verification: the request reached the clinic, which answers by `expires_at`. */
export interface PortalRequestVerified {
  id: string;
  status: 'pending';
  expires_at: string;
  slot_start: string;
  time_zone: string;
  clinic: { name: string };
}
