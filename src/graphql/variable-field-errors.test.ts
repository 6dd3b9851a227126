import { fieldErrorsFromVariableError } from './variable-field-errors';

describe('fieldErrorsFromVariableError', () => {
  it('reads the path of a nested bad value', () => {
    expect(
      fieldErrorsFromVariableError(
        'Variable "$input" got invalid value "Mars; at \\"x\\"" at "input.entries[3].timezone"; TimeZone must be an IANA time zone name',
      ),
    ).toEqual([{ path: ['input', 'entries', 3, 'timezone'], message: 'TimeZone must be an IANA time zone name', constraint: 'type' }]);
  });

  it('points at the variable itself when the whole value is bad', () => {
    expect(fieldErrorsFromVariableError('Variable "$id" got invalid value "abc"; ID must be a decimal string')).toEqual([
      { path: ['id'], message: 'ID must be a decimal string', constraint: 'type' },
    ]);
  });

  it('names missing and unknown fields', () => {
    expect(
      fieldErrorsFromVariableError(
        'Variable "$input" got invalid value {} at "input.preferences"; Field "theme" of required type "Theme!" was not provided.',
      ),
    ).toEqual([{ path: ['input', 'preferences', 'theme'], message: 'is required', constraint: 'required' }]);
    expect(
      fieldErrorsFromVariableError(
        'Variable "$input" got invalid value { x: 1 }; Field "x" is not defined by type "LoginInput".',
      ),
    ).toEqual([{ path: ['input', 'x'], message: 'Field "x" is not defined by type "LoginInput".', constraint: 'unknownField' }]);
  });

  it('leaves other messages alone', () => {
    expect(fieldErrorsFromVariableError('Expected value of type "TimeZone", found "Mars".')).toBeUndefined();
  });
});
