/**
 * Public profiles as the demo seed writes them, for the handlers that serve them in two shapes: the
 * staff's Public Profile page (public_profile_details rows) and the client portal's directory (a
 * therapist's listing). One builder, so both pages are tested on the same profile.
 */

/** Priya Raman's submitted profile (Back Bay Office, a psychologist licensed in MA). */
const priya = {
  professional_title: 'PhD, Licensed Psychologist',
  about_me:
    'I help adults and young adults who feel stuck in cycles of worry, low mood or burnout. My approach is warm and ' +
    'practical: we will get clear on what matters to you, learn skills you can use between sessions, and track ' +
    'progress together. I have a particular interest in anxiety that shows up at work and in relationships.',
  specialties: ['anxiety', 'depression', 'work_career', 'life_transitions'],
  treatment_approaches: ['cbt', 'act', 'mindfulness_based'],
  ages_served: ['young_adults', 'adults'],
  session_formats: ['in_person', 'telehealth'],
  languages: ['en', 'hi'],
  education: 'PhD in Clinical Psychology, Boston University',
  years_in_practice: 12,
  website: 'https://harborviewcounseling.com/team/priya-raman',
  pronouns: 'she/her',
  first_session_note: 'We will talk about what brings you in and whether we are a good fit.',
};

/** Priya's profile fields (by the database's column names), with `overrides`. */
export function priyaProfileFields(overrides: Partial<typeof priya> = {}): typeof priya {
  return { ...priya, ...overrides };
}
