/** The addresses other pages link to; the route table (app/route-table.tsx) answers each one. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  setPassword: '/set-password',
  manageSubscription: '/organization/subscription',
  referralProgram: '/organization/subscription/referral-program',
  programInsights: '/organization/subscription/insights',
  activeStaff: '/staff',
  staffDetails: (staffId: string) => `/staff/${encodeURIComponent(staffId)}`,
  staffPublicProfile: (staffId: string) => `/staff/${encodeURIComponent(staffId)}/public-profile`,
  scheduleCalendar: '/schedule/calendar',
  unconfirmedAppointments: '/schedule/unconfirmed-appointments',
  unconfirmedAppointmentsHandled: '/schedule/unconfirmed-appointments/handled',
  notificationSettings: '/settings/notifications',
  payerApiReference: '/developers/payer-api',
} as const;
