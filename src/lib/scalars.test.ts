import { Decimal } from '@prisma/client/runtime/client';
import { parseValue as parseLiteralText } from 'graphql';
import {
  DateScalar,
  DateTimeScalar,
  DecimalScalar,
  JSONScalar,
  LocalTimeScalar,
  ScalarInputError,
  TimeZoneScalar,
} from './scalars';

describe('DateTime', () => {
  it('emits UTC with Z', () => {
    expect(DateTimeScalar.serialize(new Date('2025-03-01T18:30:00+03:00'))).toBe('2025-03-01T15:30:00.000Z');
  });

  it('accepts ISO-8601 with an offset, as a variable or a literal', () => {
    expect(DateTimeScalar.parseValue('2025-03-01T18:30:00+03:00')).toEqual(new Date('2025-03-01T15:30:00Z'));
    expect(DateTimeScalar.parseValue('2025-03-01T15:30:00.123Z')).toEqual(new Date('2025-03-01T15:30:00.123Z'));
    expect(DateTimeScalar.parseLiteral(parseLiteralText('"2025-03-01T18:30+0530"'))).toEqual(
      new Date('2025-03-01T13:00:00Z'),
    );
  });

  it.each(['2025-03-01T18:30:00', '2025-03-01', '2025-02-30T10:00:00Z', 'yesterday', '2025-03-01T25:00:00Z'])(
    'rejects %s',
    (value) => {
      expect(() => DateTimeScalar.parseValue(value)).toThrow(ScalarInputError);
    },
  );

  it('rejects non-strings', () => {
    expect(() => DateTimeScalar.parseValue(1740000000000)).toThrow(ScalarInputError);
    expect(() => DateTimeScalar.parseLiteral(parseLiteralText('1740000000000'))).toThrow(ScalarInputError);
  });
});

describe('Date', () => {
  it('accepts real calendar dates only', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '20250101', '2025-01-01T00:00:00Z']) {
      expect(() => DateScalar.parseValue(bad)).toThrow(ScalarInputError);
    }
  });

  it('emits a DATE column (UTC midnight) as its own day', () => {
    expect(DateScalar.serialize(new Date('2025-03-01T00:00:00Z'))).toBe('2025-03-01');
    expect(DateScalar.serialize('2025-03-01')).toBe('2025-03-01');
  });

  it('emits the same day as toISOString for every day of a leap year, the last moment of a day and years outside 1000-9999', () => {
    for (let day = 0; day < 366; day += 1) {
      const date = new Date(Date.UTC(2024, 0, 1 + day));
      expect(DateScalar.serialize(date)).toBe(date.toISOString().slice(0, 10));
    }
    expect(DateScalar.serialize(new Date('2025-12-31T23:59:59.999Z'))).toBe('2025-12-31');
    expect(DateScalar.serialize(new Date('0999-01-09T00:00:00Z'))).toBe('0999-01-09');
    expect(() => DateScalar.serialize(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('TimeZone', () => {
  it('accepts IANA names, in their canonical spelling', () => {
    expect(TimeZoneScalar.parseValue('Asia/Karachi')).toBe('Asia/Karachi');
    expect(TimeZoneScalar.parseValue('europe/london')).toBe('Europe/London');
    expect(TimeZoneScalar.parseValue('UTC')).toBe('UTC');
  });

  it.each(['Mars/Olympus', '+03:00', 'GMT+3 ', '', 'Asia/Karachi; DROP TABLE'])('rejects %j', (value) => {
    expect(() => TimeZoneScalar.parseValue(value)).toThrow(ScalarInputError);
  });
});

describe('Decimal', () => {
  it('accepts up to 8 digits and 2 decimals as a string', () => {
    expect(DecimalScalar.parseValue('12.5')).toEqual(new Decimal('12.5'));
    expect(DecimalScalar.parseValue('99999999.99')).toEqual(new Decimal('99999999.99'));
    for (const bad of ['-1', '1.234', '123456789', '1e3', '.5', '']) {
      expect(() => DecimalScalar.parseValue(bad)).toThrow(ScalarInputError);
    }
    expect(() => DecimalScalar.parseValue(12.5)).toThrow(ScalarInputError);
  });

  it('always emits 2 decimals', () => {
    expect(DecimalScalar.serialize(new Decimal('12.5'))).toBe('12.50');
    expect(DecimalScalar.serialize('3')).toBe('3.00');
    expect(DecimalScalar.serialize(new Decimal('0.125'))).toBe('0.13');
    expect(DecimalScalar.serialize('1234.50')).toBe('1234.50');
    expect(DecimalScalar.serialize('0.00')).toBe('0.00');
    expect(DecimalScalar.serialize('007.10')).toBe('7.10');
    expect(DecimalScalar.serialize('2.5')).toBe('2.50');
    expect(DecimalScalar.serialize('2.505')).toBe('2.51');
  });
});

describe('LocalTime', () => {
  it('accepts HH:MM from 00:00 to 23:59', () => {
    expect(LocalTimeScalar.parseValue('00:00')).toBe('00:00');
    expect(LocalTimeScalar.parseValue('23:59')).toBe('23:59');
    for (const bad of ['24:00', '9:00', '12:60', '12:00:00']) {
      expect(() => LocalTimeScalar.parseValue(bad)).toThrow(ScalarInputError);
    }
  });

  it('emits a TIME column as HH:MM', () => {
    expect(LocalTimeScalar.serialize(new Date('1970-01-01T07:05:00Z'))).toBe('07:05');
    expect(LocalTimeScalar.serialize('07:05:00')).toBe('07:05');
  });
});

describe('JSON', () => {
  it('passes JSON values through', () => {
    expect(JSONScalar.name).toBe('JSON');
    expect(JSONScalar.serialize({ a: [1, 'b'] })).toEqual({ a: [1, 'b'] });
  });
});
