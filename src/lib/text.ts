/**
 * How free text from inputs is stored: trimmed, with an empty optional text meaning "none".
 * `undefined` (omitted in an update) stays undefined so the column is left unchanged.
 */
export function trimmedText(value: string): string {
  return value.trim();
}

export function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
