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

/**
 * The name and description columns an update input changes: an omitted or null name keeps
 * the stored one (names are required), a null description clears it, an omitted one keeps it.
 */
export function nameAndDescriptionChanges(input: { name?: string | null; description?: string | null }): {
  name?: string;
  description?: string | null;
} {
  return {
    ...(input.name != null ? { name: trimmedText(input.name) } : {}),
    ...(input.description !== undefined ? { description: optionalText(input.description) } : {}),
  };
}
