import { DateTime } from 'luxon';
import { addDays, consecutiveDays, dateColumnValue, daysBetween, localDateOf, todayIn } from './local-dates';

describe('local dates', () => {
  it('reads today in the zones at both ends of the clock', () => {
    const instant = new Date('2025-03-01T10:30:00.000Z');
    expect(todayIn('Pacific/Kiritimati', instant)).toBe('2025-03-02');
    expect(todayIn('Pacific/Pago_Pago', instant)).toBe('2025-02-28');
    expect(todayIn('UTC', instant)).toBe('2025-03-01');
  });

  it('switches day at local midnight across a DST change', () => {
    // New York springs forward on 2025-03-09: midnight there is 05:00Z before, 04:00Z after.
    expect(todayIn('America/New_York', new Date('2025-03-09T04:59:59.999Z'))).toBe('2025-03-08');
    expect(todayIn('America/New_York', new Date('2025-03-09T05:00:00.000Z'))).toBe('2025-03-09');
    expect(todayIn('America/New_York', new Date('2025-03-10T03:59:59.999Z'))).toBe('2025-03-09');
    expect(todayIn('America/New_York', new Date('2025-03-10T04:00:00.000Z'))).toBe('2025-03-10');
  });

  it('answers from memory within a minute, and turns over at local midnight in a 45-minute zone', () => {
    // Kathmandu is UTC+05:45: its midnight is 18:15Z of the day before.
    expect(todayIn('Asia/Kathmandu', new Date('2025-03-01T18:14:00.000Z'))).toBe('2025-03-01');
    expect(todayIn('Asia/Kathmandu', new Date('2025-03-01T18:14:59.999Z'))).toBe('2025-03-01');
    expect(todayIn('Asia/Kathmandu', new Date('2025-03-01T18:15:00.000Z'))).toBe('2025-03-02');
    // Going back in time is answered too, not served from the newer minute.
    expect(todayIn('Asia/Kathmandu', new Date('2025-03-01T18:14:30.000Z'))).toBe('2025-03-01');
  });

  it('agrees with luxon on every hour of a year in several zones', () => {
    const zones = ['Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Europe/London', 'Pacific/Chatham'];
    for (const zone of zones) {
      for (let hour = 0; hour < 366 * 24; hour += 7) {
        const instant = new Date(Date.UTC(2024, 0, 1) + hour * 3_600_000);
        expect(todayIn(zone, instant)).toBe(DateTime.fromJSDate(instant, { zone }).toISODate());
      }
    }
  });

  it('refuses an unknown zone with its name', () => {
    expect(() => todayIn('Mars/Olympus_Mons')).toThrow('Unknown time zone Mars/Olympus_Mons');
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-30', -364)).toBe('2024-03-31');
    expect(addDays('2025-03-30', 0)).toBe('2025-03-30');
  });

  it('lists consecutive days across a leap day and a year end, as addDays counts them', () => {
    expect(consecutiveDays('2024-02-27', 4)).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(consecutiveDays('2025-12-31', 2)).toEqual(['2025-12-31', '2026-01-01']);
    expect(consecutiveDays('2025-01-01', 365).map((day, i) => day === addDays('2025-01-01', i))).not.toContain(false);
    expect(consecutiveDays('2025-01-01', 0)).toEqual([]);
  });

  it('counts whole days between dates, negative backwards', () => {
    expect(daysBetween('2025-03-01', '2025-03-02')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-02', '2025-03-01')).toBe(-1);
    expect(daysBetween('2025-03-09', '2025-03-10')).toBe(1);
  });

  it('names the day of a DATE column value, the same again for a value it named before or a Date changed since', () => {
    for (const day of ['2026-12-02', '1999-01-31', '2024-02-29', '0987-06-05']) {
      expect(localDateOf(dateColumnValue(day))).toBe(day);
      expect(localDateOf(dateColumnValue(day))).toBe(day);
    }
    const value = dateColumnValue('2026-03-31');
    expect(localDateOf(value)).toBe('2026-03-31');
    value.setUTCDate(1);
    expect(localDateOf(value)).toBe('2026-03-01');
    for (let offset = 0; offset < 5000; offset++) localDateOf(new Date(Date.UTC(2000, 0, 1 + offset)));
    expect(localDateOf(dateColumnValue('2000-01-01'))).toBe('2000-01-01');
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
