/**
 * The client portal's contracts. The request form and its mutation use the very schema the
 * `client-portal` edge function validates with (architecture §5.4): one contract, two ends.
 * The shared files import only `zod`, so the browser bundle can take them as they are.
 */
import type { z } from 'zod';
import type { portalTherapist } from '../../../supabase/functions/_shared/directory.ts';
import {
  bookingReferralSchema,
  portalReferralRequestSchema,
  referralSourceSchema,
} from '../../../supabase/functions/_shared/referral-request.ts';

export { bookingReferralSchema, portalReferralRequestSchema, referralSourceSchema };

/** What the form holds (before parsing): optional fields may be left out. */
export type PortalRequestInput = z.input<typeof portalReferralRequestSchema>;
/** What is sent: the schema's parsed output (trimmed). */
export type PortalRequestBody = z.output<typeof portalReferralRequestSchema>;

/** The fields a person fills in (the therapist and the time come from the time they chose). */
export type PortalRequestField = Exclude<keyof PortalRequestInput, 'therapist_id' | 'slot_start'>;

/** A therapist as the clinic's request page gets them: public profile fields and the payers they take. */
export type PortalTherapist = ReturnType<typeof portalTherapist>;

export interface PortalSlot {
  start: string;
  end: string;
  /** IANA zone of the office the time is at: the time is shown in it */
  time_zone: string;
  office_name: string;
}

/** The clinic as its request page needs it: the filters' offices and payers, and the minimum notice. */
export interface PortalClinic {
  name: string;
  time_zone: string;
  /** Open times sooner than this are not offered online. */
  min_notice_hours: number;
  locations: { id: string; name: string; city: string; state: string }[];
  payers: { id: string; name: string }[];
}

export interface ClinicDirectoryPage {
  clinic: PortalClinic;
  data: PortalTherapist[];
  next_cursor: string | null;
}

/** One therapist's page (the times and details steps): opens after a refresh or from a shared link. */
export interface PortalTherapistPage {
  clinic: PortalClinic;
  therapist: PortalTherapist;
}

/**
 * What the sent step repeats, kept in the browser's history entry (never in the address: it holds
 * the email address and the insurance), so a refresh of that step still shows it.
 */
export interface SentRequestSummary {
  clinicName: string;
  therapistName: string;
  officeName: string | null;
  sessionFormat: 'in_person' | 'telehealth' | null;
  slot: PortalSlot;
  insuranceName: string | null;
  email: string;
  created: PortalRequestCreated;
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
