/**
 * The fixed vocabularies of the profile's list fields: stored keys and the labels people read.
 * The database holds the same keys (private.profile_vocabulary); a test compares the two.
 */
export const vocabulary = {
  specialty: {
    anxiety: 'Anxiety',
    depression: 'Depression',
    trauma_ptsd: 'Trauma and PTSD',
    relationship_issues: 'Relationship issues',
    grief_loss: 'Grief and loss',
    life_transitions: 'Life transitions',
    stress_management: 'Stress management',
    adhd: 'ADHD',
    ocd: 'OCD',
    eating_disorders: 'Eating disorders',
    substance_use: 'Substance use',
    bipolar_disorder: 'Bipolar disorder',
    self_esteem: 'Self-esteem',
    parenting: 'Parenting',
    lgbtq_identity: 'LGBTQ+ identity',
    chronic_illness: 'Chronic illness',
    anger_management: 'Anger management',
    sleep: 'Sleep and insomnia',
    work_career: 'Work and career',
    family_conflict: 'Family conflict',
  },
  treatment_approach: {
    cbt: 'Cognitive behavioral therapy (CBT)',
    dbt: 'Dialectical behavior therapy (DBT)',
    emdr: 'EMDR',
    act: 'Acceptance and commitment therapy (ACT)',
    psychodynamic: 'Psychodynamic',
    person_centered: 'Person-centered',
    solution_focused: 'Solution-focused',
    motivational_interviewing: 'Motivational interviewing',
    family_systems: 'Family systems',
    mindfulness_based: 'Mindfulness-based',
    trauma_focused_cbt: 'Trauma-focused CBT',
    gottman_method: 'Gottman method',
    play_therapy: 'Play therapy',
    narrative_therapy: 'Narrative therapy',
    interpersonal: 'Interpersonal therapy',
  },
  age_group: {
    children: 'Children (under 13)',
    adolescents: 'Adolescents (13–17)',
    young_adults: 'Young adults (18–25)',
    adults: 'Adults (26–64)',
    older_adults: 'Older adults (65+)',
  },
  session_format: {
    in_person: 'In person',
    telehealth: 'Telehealth',
  },
  language: {
    en: 'English',
    es: 'Spanish',
    zh: 'Chinese',
    vi: 'Vietnamese',
    ko: 'Korean',
    ar: 'Arabic',
    fr: 'French',
    pt: 'Portuguese',
    ru: 'Russian',
    ht: 'Haitian Creole',
    tl: 'Tagalog',
    hi: 'Hindi',
    ase: 'American Sign Language',
    de: 'German',
    it: 'Italian',
    pl: 'Polish',
    ja: 'Japanese',
  },
  license_type: {
    lcsw: 'LCSW — Licensed Clinical Social Worker',
    licsw: 'LICSW — Licensed Independent Clinical Social Worker',
    lmft: 'LMFT — Licensed Marriage and Family Therapist',
    lpc: 'LPC — Licensed Professional Counselor',
    lpcc: 'LPCC — Licensed Professional Clinical Counselor',
    lmhc: 'LMHC — Licensed Mental Health Counselor',
    psychologist: 'Psychologist (PhD / PsyD)',
    pmhnp: 'PMHNP — Psychiatric Mental Health Nurse Practitioner',
    psychiatrist: 'Psychiatrist (MD / DO)',
  },
  us_state: Object.fromEntries(
    ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY'].map(
      (code) => [code, code],
    ),
  ) as Record<string, string>,
} as const;

export type VocabularyKind = keyof typeof vocabulary;

/** The stored keys of a vocabulary, in display order. */
export const vocabularyKeys = (kind: VocabularyKind): string[] => Object.keys(vocabulary[kind]);

/** The label people read for a stored key (the key itself if the list has no such entry). */
export const vocabularyLabel = (kind: VocabularyKind, key: string): string =>
  (vocabulary[kind] as Record<string, string>)[key] ?? key;
