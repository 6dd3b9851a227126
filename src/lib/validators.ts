import { IsDefined, ValidateBy, ValidateIf, isEmail, type ValidationOptions } from 'class-validator';

/**
 * class-validator decorators for the contract's input rules (CONTRACT.md section 8) that
 * class-validator does not have. Services trim the values they store; these check the
 * trimmed form, so "   " fails a 1–255 rule.
 */

/** A string whose trimmed length is within [min, max] characters (code points). */
export function TrimmedLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'length',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = [...value.trim()].length;
          return length >= min && length <= max;
        },
        defaultMessage: () => `must be ${min}–${max} characters long (surrounding spaces are ignored)`,
      },
    },
    options,
  );
}

/** An email address after trimming. */
export function IsTrimmedEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isEmail(value.trim()),
        defaultMessage: () => 'must be an email address',
      },
    },
    options,
  );
}

/**
 * For nullable fields of update inputs whose column is not nullable: omitted is fine
 * (unchanged), an explicit null is refused rather than silently ignored.
 */
export function NotNullWhenGiven(options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    ValidateIf((object: object) => (object as Record<string | symbol, unknown>)[property] !== undefined)(target, property);
    IsDefined({ message: 'must not be null', ...options })(target, property);
  };
}
