/**
 * PostgREST at the network edge for the dead-lettered emails, with the rules of
 * supabase/migrations/20261207006200_undelivered_emails_for_admins.sql: org admins of the clinic
 * read its dead letters (only the granted columns; never a verification email), and
 * resend_undelivered_email requeues one (a second call changes nothing; others get a 404).
 */
import { http, HttpResponse } from 'msw';
import type { Database } from '@/types/database.types';
import { userIdFromBearer } from './auth-handlers';
import { db, orgIds } from './data';
import { testSupabaseUrl } from './env';

const rest = `${testSupabaseUrl}/rest/v1`;

export interface OutboxRow {
  id: string;
  org_id: string;
  template: Database['public']['Enums']['notification_template'];
  recipient: string;
  status: Database['public']['Enums']['notification_status'];
  attempts: number;
  last_error: string | null;
  dead_lettered_at: string | null;
  payload: Record<string, unknown>;
}

export const outboxId = (suffix: string) => `0b0c0000-0000-4000-8000-0000000000${suffix}`;

/** Dead letters tests add; none by default (the list then shows nothing). */
export const outboxDb = { rows: [] as OutboxRow[], resends: [] as string[] };

export function resetOutboxData(): void {
  outboxDb.rows = [];
  outboxDb.resends = [];
}

/** A dead-lettered confirmation email of Harborview. */
export function deadLetter(overrides: Partial<OutboxRow> = {}): OutboxRow {
  const row: OutboxRow = {
    id: outboxId(String(outboxDb.rows.length + 1).padStart(2, '0')),
    org_id: orgIds.harborview,
    template: 'request_confirmed',
    recipient: 'elena.castillo@example.org',
    status: 'dead_letter',
    attempts: 71,
    last_error: 'email API unreachable: error sending request: Connection refused',
    dead_lettered_at: '2026-12-04T15:30:00Z',
    payload: { practice_name: 'Harborview Counseling Collective' },
    ...overrides,
  };
  outboxDb.rows.push(row);
  return row;
}

const granted = new Set([
  'id',
  'org_id',
  'template',
  'recipient',
  'status',
  'attempts',
  'last_error',
  'first_attempt_at',
  'dead_lettered_at',
  'created_at',
]);

const postgrestError = (status: number, code: string, message: string, hint: string | null = null) =>
  HttpResponse.json({ code, details: null, hint, message }, { status });

function adminOrgs(userId: string | null): Set<string> {
  return new Set(
    db.staff_members
      .filter((s) => userId !== null && s.user_id === userId && s.is_active && s.roles.includes('org_admin'))
      .map((s) => s.org_id),
  );
}

const visibleTo = (userId: string | null) => (row: OutboxRow) =>
  row.status === 'dead_letter' &&
  row.template !== 'request_verification' &&
  adminOrgs(userId).has(row.org_id);

export const undeliveredEmailHandlers = [
  http.get(`${rest}/notification_outbox`, ({ request }) => {
    const userId = userIdFromBearer(request);
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for table notification_outbox');
    const params = new URL(request.url).searchParams;
    const columns = (params.get('select') ?? '').split(',');
    const denied = columns.find((c) => !granted.has(c));
    if (denied) return postgrestError(401, '42501', 'permission denied for table notification_outbox');
    if (
      params.get('status') !== 'eq.dead_letter' ||
      !params.get('org_id')?.startsWith('eq.') ||
      params.get('order') !== 'dead_lettered_at.desc'
    ) {
      return postgrestError(
        400,
        'PGRST100',
        `the test backend expects org_id=eq., status=eq.dead_letter and order=dead_lettered_at.desc: ${params}`,
      );
    }
    const org = params.get('org_id')!.slice(3);
    const rows = outboxDb.rows
      .filter(visibleTo(userId))
      .filter((r) => r.org_id === org)
      .sort((a, b) => (b.dead_lettered_at ?? '').localeCompare(a.dead_lettered_at ?? ''));
    const limit = Number(params.get('limit') ?? rows.length);
    const page = rows
      .slice(0, limit)
      .map((r) => Object.fromEntries(columns.map((c) => [c, r[c as keyof OutboxRow]])));
    return HttpResponse.json(page, {
      headers: { 'Content-Range': page.length ? `0-${page.length - 1}/${rows.length}` : `*/${rows.length}` },
    });
  }),

  http.post(`${rest}/rpc/resend_undelivered_email`, async ({ request }) => {
    const userId = userIdFromBearer(request);
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for function resend_undelivered_email');
    const body = (await request.json()) as { notification_id?: unknown };
    const row = outboxDb.rows.find(
      (r) =>
        r.id === body.notification_id &&
        r.template !== 'request_verification' &&
        adminOrgs(userId).has(r.org_id),
    );
    if (!row) {
      return postgrestError(
        404,
        'PT404',
        'That email does not exist or you cannot resend it. Only org admins of its clinic can.',
        'unknown_email',
      );
    }
    if (row.status !== 'dead_letter') return HttpResponse.json(row.status);
    outboxDb.resends.push(row.id);
    Object.assign(row, { status: 'pending', attempts: 0, dead_lettered_at: null });
    return HttpResponse.json('pending');
  }),
];
