import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './search-sql';
import type { SearchSnippet } from './types';

/** ts_headline's output (matches between the two marker characters) → plain text and ranges. */
export function snippetFromHeadline(headline: string): SearchSnippet {
  let text = '';
  const highlights: SearchSnippet['highlights'] = [];
  let start: number | null = null;
  for (const char of headline) {
    if (char === HIGHLIGHT_START) {
      start = text.length;
    } else if (char === HIGHLIGHT_STOP) {
      if (start !== null && text.length > start) highlights.push({ start, length: text.length - start });
      start = null;
    } else {
      text += char;
    }
  }
  return { text, highlights };
}
