/**
 * Email templates. They carry no PHI: never a diagnosis, payer, specialty, member ID, date of
 * birth or reason for a visit. Staff emails say at most a link, the practice's name, a first name,
 * a date and time; a client's say what they need to reach their appointment (the therapist's
 * name, the office and its address or telehealth, the practice's phone) and may carry its
 * calendar file. Each template reads only the payload keys it names, so an unexpected key can
 * never leak.
 */
import { formatAppointmentTime } from './appointment-time.ts';
import {
  appLink,
  appointmentDetails,
  calendarPart,
  clientEmail,
  detailRows,
  escapeHtml,
  field,
  requestPageLink,
  statusLink,
  TemplateError,
  type EmailAttachment,
  type EmailContext,
} from './client-email-parts.ts';

export { TemplateError, type EmailAttachment, type EmailContext };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
}

function layout(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b">
${body}
<p><a href="${escapeHtml(link.href)}" style="color:#0b57d0">${escapeHtml(link.label)}</a></p>
</body></html>`;
}

/**
 * "Tue, May 4, 9:00 AM EDT, Harborview Office": the time in its office's zone, office named, as
 * every screen shows it (formatAppointmentTime). Rows queued before payloads carried office_name
 * still name the zone.
 */
function when(payload: Record<string, unknown>, key: string, { office = true } = {}): string {
  const instant = new Date(field(payload, key));
  const zone = field(payload, 'time_zone');
  if (Number.isNaN(instant.getTime())) throw new TemplateError(`payload.${key} is not a date-time`);
  // a deadline is not at an office: it names the zone alone
  const officeName = office && typeof payload.office_name === 'string' ? payload.office_name.trim() : null;
  try {
    return formatAppointmentTime(instant, { officeTimeZone: zone, officeName });
  } catch {
    throw new TemplateError('payload.time_zone is not a time zone');
  }
}

/** A plain email with no link: a heading line and paragraphs. */
function plain(subject: string, paragraphs: string[]): RenderedEmail {
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</body></html>`;
  return { subject, html, text: `${paragraphs.join('\n\n')}\n` };
}

/** The one-time token of a verification link: 43 base64url characters, as the database makes it. */
function verificationToken(payload: Record<string, unknown>): string {
  const token = field(payload, 'token');
  if (!/^[A-Za-z0-9_-]{43}$/.test(token))
    throw new TemplateError('payload.token is not a verification token');
  return token;
}

type Template = (payload: Record<string, unknown>, siteUrl: string, context: EmailContext) => RenderedEmail;

/**
 * A request that ended without an appointment (declined, expired, withdrawn): what happened, a way
 * back to the clinic's request page, and, when a calendar file was sent for it, the file that
 * takes it out of the client's calendar. The therapist is not named: one who left the practice is
 * no one else's business, and the client may choose another.
 */
function endedRequest(
  payload: Record<string, unknown>,
  siteUrl: string,
  context: EmailContext,
  words: { subject: string; heading: string; what: string },
): RenderedEmail {
  const details = appointmentDetails({ ...payload, therapist_name: undefined });
  const calendar = calendarPart(payload, details, siteUrl, context);
  const requestPage = requestPageLink(payload, siteUrl);
  const status = statusLink(payload, siteUrl);
  return clientEmail({
    subject: words.subject,
    practice: details.practice,
    heading: words.heading,
    paragraphs: [words.what, 'You are welcome to request another time or another therapist.'],
    action: requestPage ? { href: requestPage, label: 'Request another time' } : undefined,
    closing: calendar ? ['The attached file, appointment.ics, takes this time out of your calendar.'] : [],
    links: status ? [{ href: status, label: 'View your request' }] : [],
    attachments: calendar ? [calendar.attachment] : [],
  });
}

const templates: Record<string, Template> = {
  enrollment_invitation(payload, siteUrl) {
    const practice = field(payload, 'practice_name');
    const firstName = field(payload, 'first_name');
    const href = appLink(siteUrl, field(payload, 'path'));
    const paragraphs = [
      `Hi ${firstName},`,
      `${practice} has added you to its Client Referral Program. New clients will be able to request appointments with you once your public profile is complete.`,
      'Please sign in to complete and submit your public profile, then mark the times on your schedule when you accept referral appointments.',
    ];
    return {
      subject: `${practice}: complete your public profile for client referrals`,
      html: layout(paragraphs, { href, label: 'Complete your public profile' }),
      text: `${paragraphs.join('\n\n')}\n\nComplete your public profile: ${href}\n`,
    };
  },

  request_verification(payload, siteUrl) {
    const details = appointmentDetails(payload);
    const practice = details.practice;
    const minutes = field(payload, 'confirm_within_minutes');
    if (!/^\d{1,3}$/.test(minutes))
      throw new TemplateError('payload.confirm_within_minutes is not a number of minutes');
    // the token rides in the fragment: browsers never send it to a server or in a Referer
    const href = `${appLink(siteUrl, field(payload, 'path'))}#token=${verificationToken(payload)}`;
    const status = statusLink(payload, siteUrl);
    return clientEmail({
      subject: `Confirm your appointment request with ${practice}`,
      practice,
      heading: 'Confirm your email address',
      paragraphs: [
        `You asked ${practice} for an appointment on ${details.when}.`,
        `Please confirm your email address within ${minutes} minutes to send your request to ${practice}. Until then the time is only held for you; after ${minutes} minutes it is released.`,
      ],
      details: detailRows(details),
      action: { href, label: 'Confirm my request' },
      closing: [
        `If you did not ask for this appointment, ignore this email: nothing is sent to ${practice}.`,
      ],
      links: status ? [{ href: status, label: 'View your request' }] : [],
    });
  },

  request_confirmed(payload, siteUrl, context) {
    const details = appointmentDetails(payload);
    const practice = details.practice;
    const calendar = calendarPart(payload, details, siteUrl, context);
    const status = statusLink(payload, siteUrl);
    return clientEmail({
      subject: `Your appointment with ${practice} is confirmed`,
      practice,
      heading: 'Your appointment is confirmed',
      paragraphs: [`Your appointment request with ${practice} is confirmed for ${details.when}.`],
      details: detailRows(details),
      action: status ? { href: status, label: 'View your request' } : undefined,
      closing: [
        ...(calendar ? ['To add it to your calendar, open the attached file, appointment.ics.'] : []),
        details.phone
          ? `If you need to change or cancel it, please call ${practice} at ${details.phone}.`
          : `If you need to change or cancel it, please contact ${practice} directly.`,
      ],
      attachments: calendar ? [calendar.attachment] : [],
    });
  },

  request_declined(payload, siteUrl, context) {
    const details = appointmentDetails(payload);
    const practice = details.practice;
    return endedRequest(payload, siteUrl, context, {
      subject: `${practice} could not accept your appointment request`,
      heading: 'Your request could not be accepted',
      what: `${practice} could not accept your appointment request for ${details.when}.`,
    });
  },

  request_expired(payload, siteUrl, context) {
    const details = appointmentDetails(payload);
    const practice = details.practice;
    const slot = details.when;
    // why it expired (see expire_referral_requests): the words must match what happened
    const cause = payload.expiry_cause;
    const what =
      cause === 'slot_started'
        ? `${practice} did not answer your appointment request for ${slot} before that time began, so the request has expired.`
        : cause === 'deadline'
          ? `${practice} did not answer your appointment request for ${slot} within 48 hours, so the request has expired and the time is no longer held for you.`
          : cause === undefined
            ? // queued before the payload said why: words true in both cases
              `${practice} did not answer your appointment request for ${slot} in time, so the request has expired.`
            : (() => {
                throw new TemplateError('payload.expiry_cause is not slot_started or deadline');
              })();
    return endedRequest(payload, siteUrl, context, {
      subject: `Your appointment request with ${practice} was not answered in time`,
      heading: 'Your request has expired',
      what,
    });
  },

  request_withdrawn(payload, siteUrl, context) {
    const details = appointmentDetails(payload);
    const practice = details.practice;
    return endedRequest(payload, siteUrl, context, {
      subject: `Your appointment request with ${practice} was withdrawn`,
      heading: 'Your request was withdrawn',
      what: `${practice} can no longer offer the appointment you requested for ${details.when}, so your request has been withdrawn.`,
    });
  },

  // staff offered other times instead: the status page lists them and picks one in a click
  request_alternatives_offered(payload, siteUrl) {
    const details = appointmentDetails({ ...payload, therapist_name: undefined });
    const practice = details.practice;
    const status = statusLink(payload, siteUrl);
    if (!status) throw new TemplateError('payload.status_url is missing');
    return clientEmail({
      subject: `${practice} offered you other appointment times`,
      practice,
      heading: 'Other times are offered to you',
      paragraphs: [
        `${practice} cannot offer the time you requested, ${details.when}, but has offered you other times.`,
        `Open your request to pick one; the times are held for you until ${when(payload, 'offer_expires_at', { office: false })}.`,
      ],
      action: { href: status, label: 'Pick a time' },
      closing: ['If none of them suits you, you can withdraw your request on the same page.'],
    });
  },

  request_offer_expired(payload, siteUrl, context) {
    const practice = appointmentDetails(payload).practice;
    return endedRequest(payload, siteUrl, context, {
      subject: `The times ${practice} offered you are no longer held`,
      heading: 'The offered times are no longer held',
      what: `No time was picked from those ${practice} offered you, so they are no longer held for you.`,
    });
  },

  request_reminder(payload, siteUrl) {
    const firstName = field(payload, 'first_name');
    const href = appLink(siteUrl, field(payload, 'path'));
    const startsAt = new Date(field(payload, 'starts_at')).getTime();
    const expiresAt = new Date(field(payload, 'expires_at')).getTime();
    // a request for a slot sooner than 48 hours expires when the slot starts, not after 48 hours;
    // the reminder is queued once 12 hours or less are left, so the subject names no hours
    const deadline =
      expiresAt >= startsAt
        ? `It expires when the appointment time begins; until then you can confirm or decline it.`
        : `It expires ${when(payload, 'expires_at', { office: false })}, when the 48 hours to answer are over; after that the client is told it was not answered.`;
    const paragraphs = [
      `Hi ${firstName},`,
      `A referral appointment request for ${when(payload, 'starts_at')} is waiting for your answer. ${deadline}`,
    ];
    return {
      subject: 'A referral request is waiting for your answer',
      html: layout(paragraphs, { href, label: 'Open Unconfirmed Appointments' }),
      text: `${paragraphs.join('\n\n')}\n\nOpen Unconfirmed Appointments: ${href}\n`,
    };
  },

  // to staff: a new request is waiting (each request, or a digest; see 20261207100300_request_alerts)
  request_arrived(payload, siteUrl) {
    const practice = field(payload, 'practice_name');
    const firstName = field(payload, 'first_name');
    const therapist = field(payload, 'therapist_first_name');
    const href = appLink(siteUrl, field(payload, 'path'));
    const paragraphs = [
      `Hi ${firstName},`,
      `${practice} has a new referral appointment request for ${therapist} on ${when(payload, 'starts_at')}. Please confirm or decline it within 48 hours.`,
    ];
    return {
      subject: `${practice}: new referral request for ${therapist}`,
      html: layout(paragraphs, { href, label: 'Open Unconfirmed Appointments' }),
      text: `${paragraphs.join('\n\n')}\n\nOpen Unconfirmed Appointments: ${href}\n`,
    };
  },

  request_digest(payload, siteUrl) {
    const practice = field(payload, 'practice_name');
    const firstName = field(payload, 'first_name');
    const count = field(payload, 'request_count');
    if (!/^[1-9]\d{0,5}$/.test(count)) throw new TemplateError('payload.request_count is not a count');
    const href = appLink(siteUrl, field(payload, 'path'));
    const listed = Array.isArray(payload.requests) ? (payload.requests as unknown[]) : [];
    if (listed.length === 0) throw new TemplateError('payload.requests is missing');
    const lines = listed.map((item) => {
      if (typeof item !== 'object' || item === null)
        throw new TemplateError('payload.requests holds a non-object');
      const request = item as Record<string, unknown>;
      return `${field(request, 'therapist_first_name')}: ${when(request, 'starts_at')}`;
    });
    const more = Number(count) - lines.length;
    const total =
      count === '1' ? 'One new referral appointment request' : `${count} new referral appointment requests`;
    const paragraphs = [
      `Hi ${firstName},`,
      `${total} arrived at ${practice} since your last summary:`,
      ...lines,
      ...(more > 0 ? [`and ${more} more.`] : []),
      'Requests not answered within 48 hours expire; the queue shows the ones still waiting.',
    ];
    return {
      subject: `${practice}: ${count === '1' ? '1 new referral request' : `${count} new referral requests`}`,
      html: layout(paragraphs, { href, label: 'Open Unconfirmed Appointments' }),
      text: `${paragraphs.join('\n\n')}\n\nOpen Unconfirmed Appointments: ${href}\n`,
    };
  },

  // to a payer's contact: the endpoint is theirs, so its URL is no one else's data
  webhook_endpoint_disabled(payload) {
    const url = field(payload, 'endpoint_url');
    const since = new Date(field(payload, 'failing_since'));
    if (Number.isNaN(since.getTime())) throw new TemplateError('payload.failing_since is not a date-time');
    return plain('A webhook endpoint of yours was disabled', [
      `Webhook deliveries to ${url} have failed since ${since.toUTCString()}, for 72 hours, so we have disabled this endpoint and stopped sending to it.`,
      'Once it answers again, ask us to enable it; you can then replay missed deliveries through the payer API.',
    ]);
  },
};

export const templateNames = Object.keys(templates);

/** `context` names the recipient and sender, for a calendar file's attendee and organizer. */
export function renderEmail(
  template: string,
  payload: Record<string, unknown>,
  siteUrl: string,
  context: EmailContext = {},
): RenderedEmail {
  const render = templates[template];
  if (!render) throw new TemplateError(`unknown template ${template}`);
  return render(payload, siteUrl, context);
}
