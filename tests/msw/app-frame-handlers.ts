/**
 * What every signed-in page asks for: the signed-in person's own staff records (which clinic, which
 * roles), the navigation's count of pending requests (none unless a test serves some), and the
 * clinic's staff and locations (lists, Details pages, and the Schedule's lists fetched ahead), and
 * the home page's to-do lists (empty unless a test serves some: no profile to finish, no open block)
 * and its program figures (a period with no requests).
 */
import { http, HttpResponse } from 'msw';
import { emptyInsightsHandler, emptyTherapistsHandler } from './insights-handlers';
import { locations, membershipsOf, people, staffRow, type Person } from './people';
import { eqValue, restUrl, rows } from './rest';

/** Every active staff member of the seed's clinics, by last then first name (the order the app asks for). */
export const activeStaff: Person[] = Object.values(people)
  .filter((p) => p.isActive)
  .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));

/**
 * Serves `staff` for the clinic and the staff member asked for. The signed-in person's own records
 * (`user_id=eq.…`) and Add Staff's candidates (`program_enrollments=is.null`) are answered elsewhere.
 */
export const staffHandler = (staff: readonly Person[] = activeStaff) =>
  http.get(restUrl('staff_members'), ({ request }) => {
    const params = new URL(request.url).searchParams;
    if (params.has('user_id') || params.has('program_enrollments')) return undefined;
    const org = eqValue(request, 'org_id');
    const id = eqValue(request, 'id');
    return rows(
      request,
      staff.map(staffRow).filter((s) => s.org_id === org && (id === null || s.id === id)),
    );
  });

export const appFrameHandlers = [
  emptyInsightsHandler,
  emptyTherapistsHandler,
  http.get(restUrl('staff_members'), ({ request }) => {
    const user = eqValue(request, 'user_id');
    return user === null ? undefined : HttpResponse.json(membershipsOf(user));
  }),
  http.get(restUrl('unconfirmed_requests'), () => HttpResponse.json([])),
  http.get(restUrl('offered_requests'), () => HttpResponse.json([])),
  http.get(restUrl('rpc/pending_request_count'), () => HttpResponse.json(0)),
  http.get(restUrl('public_profile_details'), () => HttpResponse.json([])),
  http.head(
    restUrl('availability_blocks'),
    () => new HttpResponse(null, { headers: { 'content-range': '*/0' } }),
  ),
  staffHandler(),
  http.get(restUrl('locations'), ({ request }) =>
    rows(
      request,
      Object.values(locations).filter((l) => l.org_id === eqValue(request, 'org_id')),
    ),
  ),
];
