/**
 * Which page answers which address, and who may see it. Pages load lazily (see page-chunks.ts):
 * each is its own chunk, so heavy ones (the calendar, the enrolled-staff grid) cost nothing at start.
 */
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '@/components/no-access-page';
import { LoadingState } from '@/components/ui/status';
import { paths } from '@/lib/access/paths';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { RequireAccess, RequirePasswordChosen, RequireSession } from './guards';
import { AppLayout } from './layout';
import { lazyPage } from './page-chunks';

const SetPasswordPage = lazyPage('setPassword', (m) => m.SetPasswordPage);
const HomePage = lazyPage('home', (m) => m.HomePage);
const ManageSubscriptionLayout = lazyPage('manageSubscription', (m) => m.ManageSubscriptionLayout);
const ReferralProgramTab = lazyPage('referralProgram', (m) => m.ReferralProgramTab);
const ActiveStaffPage = lazyPage('activeStaff', (m) => m.ActiveStaffPage);
const StaffDetailsLayout = lazyPage('staffDetails', (m) => m.StaffDetailsLayout);
const StaffOverviewTab = lazyPage('staffOverview', (m) => m.StaffOverviewTab);
const PublicProfileTab = lazyPage('publicProfile', (m) => m.PublicProfileTab);
const ClientPortalPage = lazyPage('clientPortal', (m) => m.ClientPortalPage);
const VerifyRequestPage = lazyPage('clientPortalVerify', (m) => m.VerifyRequestPage);
const ScheduleCalendarPage = lazyPage('scheduleCalendar', (m) => m.ScheduleCalendarPage);
const UnconfirmedAppointmentsPage = lazyPage('unconfirmedAppointments', (m) => m.UnconfirmedAppointmentsPage);

export function AppRoutes() {
  return (
    <Routes>
      <Route path={paths.signIn} element={<SignInPage />} />
      {/* public: a clinic's request page for prospective clients, no sign-in */}
      <Route
        path="/request/:clinicSlug"
        element={
          <Suspense fallback={<LoadingState label="Loading the page…" />}>
            <ClientPortalPage />
          </Suspense>
        }
      />
      {/* public: where the link in a request's verification email leads */}
      <Route
        path="/request/:clinicSlug/verify"
        element={
          <Suspense fallback={<LoadingState label="Loading the page…" />}>
            <VerifyRequestPage />
          </Suspense>
        }
      />
      <Route element={<RequireSession />}>
        <Route
          path={paths.setPassword}
          element={
            <Suspense fallback={<LoadingState label="Loading the page…" />}>
              <SetPasswordPage />
            </Suspense>
          }
        />
        <Route
          element={
            <RequirePasswordChosen>
              <AppLayout />
            </RequirePasswordChosen>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="organization" element={<Navigate to={paths.manageSubscription} replace />} />
          <Route
            path={paths.manageSubscription}
            element={
              <RequireAccess route="manageSubscription">
                <ManageSubscriptionLayout />
              </RequireAccess>
            }
          >
            <Route index element={<Navigate to={paths.referralProgram} replace />} />
            <Route path={paths.referralProgram} element={<ReferralProgramTab />} />
          </Route>
          <Route
            path={paths.activeStaff}
            element={
              <RequireAccess route="activeStaff">
                <ActiveStaffPage />
              </RequireAccess>
            }
          />
          <Route
            path="/staff/:staffId"
            element={
              <RequireAccess route="staffDetails">
                <StaffDetailsLayout />
              </RequireAccess>
            }
          >
            <Route index element={<StaffOverviewTab />} />
            <Route
              path="public-profile"
              element={
                <RequireAccess route="staffPublicProfile">
                  <PublicProfileTab />
                </RequireAccess>
              }
            />
          </Route>
          <Route path="schedule" element={<Navigate to={paths.unconfirmedAppointments} replace />} />
          {/* the screen's former address: bookmarks and links in emails already sent still lead to it */}
          <Route
            path="schedule/unconfirmed"
            element={<Navigate to={paths.unconfirmedAppointments} replace />}
          />
          <Route
            path={paths.scheduleCalendar}
            element={
              <RequireAccess route="scheduleCalendar">
                <ScheduleCalendarPage />
              </RequireAccess>
            }
          />
          <Route
            path={paths.unconfirmedAppointments}
            element={
              <RequireAccess route="unconfirmedAppointments">
                <UnconfirmedAppointmentsPage />
              </RequireAccess>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
