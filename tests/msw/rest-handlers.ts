/**
 * PostgREST at the network edge, for the tables the app reads so far. It answers like PostgREST
 * 12 does: row-level security as the migrations define it (staff read their own organization; a user
 * reads their own staff row), `eq` filters, `order`, embedded resources through the real foreign keys,
 * and PostgREST's error bodies for unknown columns or relationships, so a wrong query fails here too.
 */
import { http, HttpResponse } from 'msw';
import type { Tables } from '@/types/database.types';
import { userIdFromBearer } from './auth-handlers';
import { db } from './data';
import { testSupabaseUrl } from './env';

const rest = `${testSupabaseUrl}/rest/v1`;

type Row = Record<string, unknown>;

interface Column {
  kind: 'column';
  name: string;
}
interface Embed {
  kind: 'embed';
  alias: string;
  relation: string;
  columns: string[];
}

const postgrestError = (
  status: number,
  code: string,
  message: string,
  details: string | null = null,
  hint: string | null = null,
) => HttpResponse.json({ code, details, hint, message }, { status });

/** Splits `a, b, alias:rel(c, d)` at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function parseSelect(select: string): (Column | Embed)[] {
  return splitTopLevel(select).map((item) => {
    const embed = /^(?:(\w+):)?(\w+)\((.*)\)$/.exec(item);
    if (embed) {
      const [, alias, relation = '', columns = ''] = embed;
      return { kind: 'embed', alias: alias ?? relation, relation, columns: splitTopLevel(columns) };
    }
    return { kind: 'column', name: item };
  });
}

/** What `userId` may read, per the RLS policies of supabase/migrations. */
function visibleTo(userId: string | null) {
  const memberOrgs = new Set(
    db.staff_members.filter((s) => s.user_id === userId && s.is_active).map((s) => s.org_id),
  );
  return {
    staff_members: db.staff_members.filter(
      (s) => memberOrgs.has(s.org_id) || (userId !== null && s.user_id === userId),
    ),
    organizations: db.organizations.filter((o) => memberOrgs.has(o.id)),
    locations: db.locations.filter((l) => memberOrgs.has(l.org_id)),
  };
}

type Visible = ReturnType<typeof visibleTo>;

/** Many-to-one relationships of staff_members, as the foreign keys define them. */
const staffRelations: Record<string, (row: Tables<'staff_members'>, visible: Visible) => Row | undefined> = {
  organizations: (row, visible) => visible.organizations.find((o) => o.id === row.org_id),
  locations: (row, visible) =>
    row.default_location_id === null
      ? undefined
      : visible.locations.find((l) => l.org_id === row.org_id && l.id === row.default_location_id),
};

function pick(row: Row, columns: readonly string[], table: string): Row | Response {
  const out: Row = {};
  for (const column of columns) {
    if (column === '*') Object.assign(out, row);
    else if (column in row) out[column] = row[column];
    else return postgrestError(400, '42703', `column ${table}.${column} does not exist`);
  }
  return out;
}

function applyFilters<T extends Row>(rows: T[], params: URLSearchParams, table: string): T[] | Response {
  let result = rows;
  for (const [column, filter] of params) {
    if (['select', 'order', 'limit', 'offset'].includes(column)) continue;
    const match = /^eq\.(.*)$/.exec(filter);
    if (!match)
      return postgrestError(
        400,
        'PGRST100',
        `the test backend only supports eq filters, got ${column}=${filter}`,
      );
    if (rows[0] && !(column in rows[0]))
      return postgrestError(400, '42703', `column ${table}.${column} does not exist`);
    result = result.filter((row) => String(row[column]) === match[1]);
  }
  return result;
}

function applyOrder<T extends Row>(rows: T[], order: string | null): T[] {
  if (!order) return rows;
  const terms = order.split(',').map((term) => {
    const [column = '', direction = 'asc'] = term.split('.');
    return { column, sign: direction === 'desc' ? -1 : 1 };
  });
  return [...rows].sort((a, b) => {
    for (const { column, sign } of terms) {
      const cmp = String(a[column] ?? '').localeCompare(String(b[column] ?? ''));
      if (cmp !== 0) return cmp * sign;
    }
    return 0;
  });
}

function respond(request: Request, rows: Row[]): Response {
  if (request.headers.get('Accept')?.startsWith('application/vnd.pgrst.object+json')) {
    if (rows.length !== 1) {
      return postgrestError(
        406,
        'PGRST116',
        'JSON object requested, multiple (or no) rows returned',
        `The result contains ${rows.length} rows`,
      );
    }
    return HttpResponse.json(rows[0]);
  }
  return HttpResponse.json(rows, {
    headers: { 'Content-Range': rows.length > 0 ? `0-${rows.length - 1}/*` : '*/0' },
  });
}

export const restHandlers = [
  // the navigation's pending-request badge asks on every signed-in page; tests of the queue override this
  http.get(`${rest}/unconfirmed_requests`, ({ request }) =>
    userIdFromBearer(request) === null
      ? postgrestError(401, '42501', 'permission denied for view unconfirmed_requests')
      : HttpResponse.json([]),
  ),
  http.get(`${rest}/staff_members`, ({ request }) => {
    const userId = userIdFromBearer(request);
    if (userId === null) return postgrestError(401, '42501', 'permission denied for table staff_members');
    const params = new URL(request.url).searchParams;
    const visible = visibleTo(userId);
    const filtered = applyFilters(visible.staff_members, params, 'staff_members');
    if (filtered instanceof Response) return filtered;
    const ordered = applyOrder(filtered, params.get('order'));

    const select = parseSelect(params.get('select') ?? '*');
    const rows: Row[] = [];
    for (const row of ordered) {
      const out: Row = {};
      for (const item of select) {
        if (item.kind === 'column') {
          const picked = pick(row, [item.name], 'staff_members');
          if (picked instanceof Response) return picked;
          Object.assign(out, picked);
          continue;
        }
        const related = staffRelations[item.relation];
        if (!related) {
          return postgrestError(
            400,
            'PGRST200',
            `Could not find a relationship between 'staff_members' and '${item.relation}' in the schema cache`,
            "Searched for a foreign key relationship between 'staff_members' and '" +
              item.relation +
              "' in the schema 'public', but no matches were found.",
          );
        }
        const target = related(row, visible);
        if (target === undefined) {
          out[item.alias] = null;
          continue;
        }
        const picked = pick(target, item.columns, item.relation);
        if (picked instanceof Response) return picked;
        out[item.alias] = picked;
      }
      rows.push(out);
    }
    return respond(request, rows);
  }),
];
