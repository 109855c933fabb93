/**
 * Who a clinic asks to turn the Client Referral Program on. The flag is the platform's
 * (organizations.referral_program_enabled cannot be changed through the API), so the contact is
 * the team that runs this deployment: VITE_PROGRAM_CONTACT_EMAIL, set at build time. Unset or not
 * an email address: the pages name the team without an address.
 */
const emailShape = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function programContactEmail(
  env: { VITE_PROGRAM_CONTACT_EMAIL?: string } = import.meta.env,
): string | null {
  const value = env.VITE_PROGRAM_CONTACT_EMAIL?.trim();
  return value && emailShape.test(value) ? value : null;
}

/** A mailto: link that asks for the program for `clinicName`, with the clinic named in the subject. */
export function programRequestMailto(email: string, clinicName: string): string {
  const subject = `Turn on the Client Referral Program for ${clinicName}`;
  const body = `Hello,\n\nPlease turn on the Client Referral Program for ${clinicName}.\n\nThank you.`;
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
