/**
 * The pieces every email to a client is made of: the appointment's details (therapist, when,
 * where, the practice's phone), the links (their status page, the clinic's request page), the
 * calendar file, and the layout that puts them into an HTML part and a plain-text part that say
 * the same. Each reads only the payload keys it names: whatever else a payload holds (a reason,
 * payer, diagnosis) never reaches the client.
 */
import { appointmentCalendar, type CalendarMethod } from './appointment-calendar.ts';
import { formatAppointmentTime } from './appointment-time.ts';

export interface EmailAttachment {
  filename: string;
  /** the file, base64 */
  content: string;
  content_type: string;
}

/** Who the email goes to and comes from: the calendar file's attendee and organizer. */
export interface EmailContext {
  recipient?: string;
  /** the From header, `Name <address>` or a bare address */
  sender?: string;
}

export class TemplateError extends Error {}

type Payload = Record<string, unknown>;

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function field(payload: Payload, key: string): string {
  const value = payload[key];
  if (typeof value !== 'string' || value.trim() === '') throw new TemplateError(`payload.${key} is missing`);
  return value.trim();
}

/** A key rows queued before it existed do not have: its text, or null. */
export function optionalField(payload: Payload, key: string): string | null {
  const value = payload[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TemplateError(`payload.${key} is not text`);
  return value.trim() || null;
}

function instant(payload: Payload, key: string): Date {
  const value = new Date(field(payload, key));
  if (Number.isNaN(value.getTime())) throw new TemplateError(`payload.${key} is not a date-time`);
  return value;
}

/** Joins the app's base URL and an in-app path, refusing anything but a path. */
export function appLink(siteUrl: string, path: string): string {
  if (!/^\/[A-Za-z0-9/_-]*$/.test(path)) throw new TemplateError('payload.path must be an in-app path');
  return new URL(path, siteUrl).toString();
}

/** The appointment as the client reads it, from a request's payload. */
export interface AppointmentDetails {
  practice: string;
  start: Date;
  end: Date | null;
  timeZone: string;
  /** "Tue, May 4, 9:00 AM EDT, Back Bay Office": the office only when the client goes there */
  when: string;
  /** "Tue, May 4, 9:00 AM EDT": for beside a line that says where */
  time: string;
  therapist: string | null;
  /** null on rows queued before payloads said where */
  inPerson: boolean | null;
  /** "Back Bay Office, 420 Boylston Street, Boston, MA 02116", or "Telehealth" */
  where: string | null;
  phone: string | null;
}

export function appointmentDetails(payload: Payload): AppointmentDetails {
  const practice = field(payload, 'practice_name');
  const start = instant(payload, 'starts_at');
  const end = optionalField(payload, 'ends_at') === null ? null : instant(payload, 'ends_at');
  const timeZone = field(payload, 'time_zone');
  const format = optionalField(payload, 'session_format');
  if (format !== null && format !== 'in_person' && format !== 'telehealth')
    throw new TemplateError('payload.session_format is not in_person or telehealth');
  const inPerson = format === null ? null : format === 'in_person';
  const officeName = optionalField(payload, 'office_name');
  const address = optionalField(payload, 'office_address');
  if (inPerson && !address) throw new TemplateError('payload.office_address is missing');
  let when: string;
  let time: string;
  try {
    // a telehealth session is at no office: its zone alone says whose clock it is
    when = formatAppointmentTime(start, {
      officeTimeZone: timeZone,
      officeName: inPerson === false ? null : officeName,
    });
    time = formatAppointmentTime(start, { officeTimeZone: timeZone });
  } catch {
    throw new TemplateError('payload.time_zone is not a time zone');
  }
  return {
    practice,
    start,
    end,
    timeZone,
    when,
    time,
    therapist: optionalField(payload, 'therapist_name'),
    inPerson,
    where:
      inPerson === null ? null : inPerson ? [officeName, address].filter(Boolean).join(', ') : 'Telehealth',
    phone: optionalField(payload, 'practice_phone'),
  };
}

/** "Tue, May 4, 9:00 AM EDT (50 minutes)"; the office is on the Where line, when there is one */
function whenWithLength(details: AppointmentDetails): string {
  const when = details.where ? details.time : details.when;
  if (!details.end) return when;
  const minutes = Math.round((details.end.getTime() - details.start.getTime()) / 60_000);
  return `${when} (${minutes} minutes)`;
}

/** The rows of the details table: only what the payload has. */
export function detailRows(details: AppointmentDetails): [label: string, value: string][] {
  return [
    ...(details.therapist ? [['Therapist', details.therapist] as [string, string]] : []),
    ['When', whenWithLength(details)],
    ...(details.where ? [['Where', details.where] as [string, string]] : []),
    ...(details.phone ? [['Phone', details.phone] as [string, string]] : []),
  ];
}

/**
 * The client's status page, when the payload carries one: an in-app path, or a URL of the app
 * itself (never another site's).
 */
export function statusLink(payload: Payload, siteUrl: string): string | null {
  const value = optionalField(payload, 'status_url');
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value, siteUrl);
  } catch {
    throw new TemplateError('payload.status_url is not a URL');
  }
  if (url.origin !== new URL(siteUrl).origin)
    throw new TemplateError('payload.status_url is not a link into the app');
  return url.toString();
}

/** The clinic's public request page, where a client asks for another time. */
export function requestPageLink(payload: Payload, siteUrl: string): string | null {
  const path = optionalField(payload, 'request_page_path');
  return path === null ? null : appLink(siteUrl, path);
}

interface CalendarPart {
  method: CalendarMethod;
  attachment: EmailAttachment;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const senderAddress = (sender: string | undefined) =>
  sender?.match(/<([^<>\s]+@[^<>\s]+)>\s*$/)?.[1] ?? sender;

/**
 * The calendar file the payload's `calendar` asks for (the database decides: REQUEST with a
 * confirmation, CANCEL when a request whose file was sent ends), or none.
 */
export function calendarPart(
  payload: Payload,
  details: AppointmentDetails,
  siteUrl: string,
  context: EmailContext,
): CalendarPart | null {
  const calendar = payload.calendar;
  if (calendar === undefined || calendar === null) return null;
  if (typeof calendar !== 'object') throw new TemplateError('payload.calendar is not an object');
  const spec = calendar as Payload;
  const method = spec.method;
  if (method !== 'REQUEST' && method !== 'CANCEL')
    throw new TemplateError('payload.calendar.method is not REQUEST or CANCEL');
  const sequence = spec.sequence;
  if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 0)
    throw new TemplateError('payload.calendar.sequence is not a count');
  const requestId = field(payload, 'request_id');
  if (!/^[0-9a-f-]{36}$/.test(requestId)) throw new TemplateError('payload.request_id is not an id');
  if (!details.end) throw new TemplateError('payload.ends_at is missing');
  const host = new URL(siteUrl).hostname;
  const status = statusLink(payload, siteUrl);
  const where = details.where ?? details.practice;
  const description = [
    `${details.practice}${details.therapist ? `, with ${details.therapist}` : ''}.`,
    ...(details.phone ? [`To change or cancel, call ${details.phone}.`] : []),
    ...(status ? [`Your request: ${status}`] : []),
  ].join('\n');
  const text = appointmentCalendar({
    method,
    uid: `referral-request-${requestId}@${host}`,
    sequence,
    stampedAt: instant(spec, 'stamped_at'),
    start: details.start,
    end: details.end,
    timeZone: details.timeZone,
    summary: `${details.inPerson === false ? 'Telehealth appointment' : 'Appointment'}${details.therapist ? ` with ${details.therapist}` : ''} (${details.practice})`,
    location: where,
    description,
    organizer: { name: details.practice, email: senderAddress(context.sender) ?? `no-reply@${host}` },
    attendeeEmail: context.recipient,
    url: status ?? undefined,
  });
  return {
    method,
    attachment: {
      filename: 'appointment.ics',
      content: base64(text),
      content_type: `text/calendar; charset=utf-8; method=${method}`,
    },
  };
}

/** What a client email says, in order; the layout gives it as HTML and as plain text. */
export interface ClientEmailContent {
  subject: string;
  practice: string;
  heading: string;
  paragraphs: string[];
  details?: [string, string][];
  /** the main action, shown as a button */
  action?: { href: string; label: string };
  /** after the action */
  closing?: string[];
  /** last, as plain links: e.g. the client's status page */
  links?: { href: string; label: string }[];
  attachments?: EmailAttachment[];
}

const muted = '#5c6470';

export function clientEmail(content: ClientEmailContent) {
  const p = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const rows = (content.details ?? [])
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:8px 16px 8px 0;color:${muted};font-weight:600;white-space:nowrap">${escapeHtml(label)}</th>` +
        `<td style="padding:8px 0;border-bottom:1px solid #eef0f3">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b">
<div style="max-width:560px;margin:0 auto;padding:24px 12px">
<div style="background:#ffffff;border:1px solid #dde1e6;border-radius:8px;padding:24px">
<p style="margin:0 0 4px;font-size:14px;color:${muted}">${escapeHtml(content.practice)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map(p).join('\n')}
${rows ? `<table role="presentation" style="width:100%;border-collapse:collapse;margin:0 0 16px">${rows}</table>` : ''}
${content.action ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.href)}" style="display:inline-block;background:#0b57d0;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>` : ''}
${(content.closing ?? []).map(p).join('\n')}
${(content.links ?? []).map((link) => `<p style="margin:0 0 16px"><a href="${escapeHtml(link.href)}" style="color:#0b57d0">${escapeHtml(link.label)}</a></p>`).join('\n')}
</div>
</div>
</body></html>`;
  const text = [
    ...content.paragraphs,
    ...(content.details?.length
      ? [content.details.map(([label, value]) => `${label}: ${value}`).join('\n')]
      : []),
    ...(content.action ? [`${content.action.label}: ${content.action.href}`] : []),
    ...(content.closing ?? []),
    ...(content.links ?? []).map((link) => `${link.label}: ${link.href}`),
  ].join('\n\n');
  return {
    subject: content.subject,
    html,
    text: `${text}\n`,
    ...(content.attachments?.length ? { attachments: content.attachments } : {}),
  };
}
