/**
 * What demo users track: deed templates with three-level item trees, scales and count ranges,
 * plus the words the generator draws names, notes and reflections from. Plain data: the
 * generator (user-data.ts) decides who gets what.
 */

export type Category = 'HASANAAT' | 'SAIYYIAAT';

export interface CountRange {
  min: number;
  max: number;
  /** 2 for money, 0 for whole counts. */
  decimals: 0 | 2;
}

export interface DeedTemplate {
  name: string;
  description: string;
  category: Category;
  measure: 'SCALE' | 'COUNT';
  /** SCALE deeds: scale versions, oldest first (labels in order 1..n); the last is active. */
  scales?: ReadonlyArray<{ name: string; labels: readonly string[] }>;
  /** COUNT deeds: the values a day's entry takes. */
  count?: CountRange;
  /** Item tree, two spaces per level below the deed (levels 1–3). */
  tree: string;
  /** Chance that a tracked item of this deed gets an entry on a day the user is active. */
  frequency: readonly [number, number];
}

/** How a template's entries are measured: by its scale versions, or within its count range. */
type Measured = { scales: NonNullable<DeedTemplate['scales']>; count?: never } | { count: CountRange; scales?: never };

/** A template; its measure follows from what it is given (scale versions: SCALE, a count range: COUNT). */
function template(
  name: string,
  description: string,
  category: Category,
  { tree, frequency, ...measured }: Measured & Pick<DeedTemplate, 'tree' | 'frequency'>,
): DeedTemplate {
  const measure = measured.scales ? { measure: 'SCALE' as const, scales: measured.scales } : { measure: 'COUNT' as const, count: measured.count };
  return { name, description, category, ...measure, tree, frequency };
}

export const DEED_TEMPLATES: readonly DeedTemplate[] = [
  template('Salah', 'The five daily prayers and voluntary prayers', 'HASANAAT', {
    scales: [
      { name: 'Prayed or not', labels: ['Missed', 'Prayed', 'In congregation'] },
      { name: 'Punctuality', labels: ['Missed', 'Prayed late', 'On time', 'In congregation'] },
    ],
    tree: `
Daily prayers
  Fajr
    Fard
    Sunnah
  Dhuhr
    Fard
    Sunnah
  Asr
  Maghrib
    Fard
    Sunnah
  Isha
    Fard
    Witr
Voluntary prayers
  Tahajjud
  Duha`,
    frequency: [0.6, 0.98],
  }),
  template('Quran', 'Pages read, verses memorised and revised', 'HASANAAT', {
    count: { min: 1, max: 20, decimals: 0 },
    tree: `
Recitation
  Morning recitation
  Evening recitation
Memorisation
  New verses
    Juz Amma
    Surah Al-Mulk
  Revision
Study
  Tafsir reading`,
    frequency: [0.3, 0.85],
  }),
  template('Dhikr', 'Remembrance through the day', 'HASANAAT', {
    count: { min: 33, max: 300, decimals: 0 },
    tree: `
Morning adhkar
  Tasbih
    Subhanallah
    Alhamdulillah
  Istighfar
Evening adhkar
  Salawat
  Tahlil
After prayers
  Tasbih after Fajr
  Tasbih after Isha`,
    frequency: [0.3, 0.9],
  }),
  template('Charity', 'Money and time given to others', 'HASANAAT', {
    count: { min: 1, max: 50, decimals: 2 },
    tree: `
Sadaqah
  Online donations
  In person
    Mosque box
    Someone in need
Helping others
  Neighbours
  Family`,
    frequency: [0.05, 0.3],
  }),
  template('Good character', 'How well I lived up to it today', 'HASANAAT', {
    scales: [{ name: 'How well', labels: ['Not at all', 'A little', 'Mostly', 'Fully'] }],
    tree: `
Patience
  At work
  At home
Kindness
  To parents
    Called them
    Visited them
  To my spouse
  To my children
Gratitude
  Gratitude journal`,
    frequency: [0.3, 0.8],
  }),
  template('Tongue', 'Slips of the tongue, counted', 'SAIYYIAAT', {
    count: { min: 0, max: 6, decimals: 0 },
    tree: `
Backbiting
  About colleagues
  About relatives
Lying
  Small lies
Harsh words
  To family
    To my spouse
    To my children
  Online`,
    frequency: [0.3, 0.8],
  }),
  template('Wasted time', 'Minutes lost to distractions', 'SAIYYIAAT', {
    count: { min: 5, max: 240, decimals: 0 },
    tree: `
Social media
  Scrolling feeds
  Short videos
Entertainment
  TV series
  Games
    Mobile games
    Console`,
    frequency: [0.4, 0.95],
  }),
  template('Anger', 'How anger showed today', 'SAIYYIAAT', {
    scales: [{ name: 'Intensity', labels: ['Calm', 'Irritated', 'Raised voice', 'Lost temper'] }],
    tree: `
At home
  With my spouse
  With my children
    Homework time
    Bedtime
At work
  With colleagues
  In traffic`,
    frequency: [0.3, 0.8],
  }),
  template('Habits to drop', 'Old habits I am leaving behind', 'SAIYYIAAT', {
    scales: [
      { name: 'Slips', labels: ['Avoided', 'Slipped'] },
      { name: 'Slips, graded', labels: ['Avoided', 'Slipped once', 'Slipped often'] },
    ],
    tree: `
Guarding the gaze
  In the street
  On screens
Procrastination
  Work tasks
    Emails
    Reports
  Chores`,
    frequency: [0.4, 0.9],
  }),
];

export const FIRST_NAMES = [
  'Aisha', 'Omar', 'Fatima', 'Yusuf', 'Maryam', 'Ibrahim', 'Khadija', 'Bilal', 'Zainab', 'Hamza',
  'Amina', 'Ali', 'Hafsa', 'Idris', 'Safiya', 'Musa', 'Ruqayya', 'Zakariya', 'Sumayya', 'Tariq',
  'Layla', 'Hassan', 'Noor', 'Hussein', 'Sara', 'Adam', 'Huda', 'Imran', 'Asma', 'Kareem',
  'Salma', 'Anas', 'Yasmin', 'Khalid', 'Iman', 'Samir', 'Rania', 'Faisal', 'Leila', 'Nadia',
] as const;

export const LAST_NAMES = [
  'Rahman', 'Khan', 'Hassan', 'Ahmed', 'Ali', 'Yilmaz', 'Siddiqui', 'Abdullah', 'Malik', 'Hussain',
  'Chaudhry', 'Okafor', 'Diallo', 'Saleh', 'Aziz', 'Karim', 'Haddad', 'Mansour', 'Qureshi', 'Bakr',
  'Demir', 'Sultan', 'Nasser', 'Farouk', 'Iqbal', 'Osman', 'Yousef', 'Hamid', 'Sheikh', 'Barakat',
] as const;

export const TIME_ZONES = [
  'Asia/Karachi', 'Asia/Kolkata', 'Asia/Dhaka', 'Asia/Jakarta', 'Asia/Kuala_Lumpur', 'Asia/Riyadh',
  'Asia/Dubai', 'Africa/Cairo', 'Africa/Lagos', 'Europe/Istanbul', 'Europe/London', 'Europe/Berlin',
  'America/New_York', 'America/Chicago', 'America/Toronto', 'Australia/Sydney', 'UTC',
] as const;

export const LOCALES = ['en', 'en', 'en', 'ar', 'ur', 'tr', 'id', 'fr'] as const;
export const THEMES = ['SYSTEM', 'SYSTEM', 'LIGHT', 'DARK'] as const;
export const WEEK_STARTS = ['MONDAY', 'MONDAY', 'SUNDAY', 'SATURDAY'] as const;

export const ENTRY_NOTES = [
  'Tired today',
  'Travelling',
  'Felt good about this one',
  'With the family',
  'Need to do better tomorrow',
  'Long day at work',
  'Alhamdulillah',
  'Late night',
  'Focused and calm',
  'Kids were unwell',
] as const;

export const MERIT_PREFIXES = ['Forty days of', 'A steady month of', 'Consistent', 'Build up'] as const;

export const TARGET_NAMES = [
  'Ramadan preparation',
  'Summer goals',
  'First quarter focus',
  'Better habits this season',
  'Before the new year',
  'Family first',
] as const;

export const REFLECTIONS: Readonly<Record<'DAILY' | 'GRATITUDE' | 'INTENTION' | 'IMPROVEMENT', readonly string[]>> = {
  DAILY: [
    'A calm day. Prayers on time, less time on the phone.',
    'Busy at work; I kept my morning adhkar but missed the evening ones.',
    'Visited my parents after work. Good conversation.',
  ],
  GRATITUDE: ['Grateful for my health.', 'Grateful for a patient spouse.', 'Grateful for a quiet morning.'],
  INTENTION: ['Read two pages after Fajr.', 'No phone during meals.', 'Call my mother.'],
  IMPROVEMENT: ['Sleep earlier to wake for Fajr.', 'Pause before answering when irritated.', 'Less scrolling at night.'],
};
