/**
 * Masks card numbers in free text to their first six and last four digits: 13-19 digits passing the
 * Luhn check, written together or grouped by single spaces or dots, or by dashes in a card's own
 * grouping (4-4-4-4, 4-6-5), whatever letters or `_` touch them (`x4111…`, `4111…_`). Digits inside
 * a long hex token (32+ characters: a blockchain hash, a fingerprint) are that token's, not a card's;
 * UUID groups never reach 13 digits. Used by the transforms on every free-text provider field and
 * by the outgoing filter (scrub.ts) on every string that leaves the service.
 */
const CANDIDATE = /(?<![\d-])\d{4}-(?:\d{4}-\d{4}-\d{4}(?:-\d{3})?|\d{6}-\d{4,5})(?![\d-])|\d(?:[ .]?\d){12,}/g;
const LONG_HEX = /[0-9a-fA-F]{32,}/g;
const MIN_PAN = 13;
const MAX_PAN = 19;

export function maskPans(text: string): string {
  const hexTokens = [...text.matchAll(LONG_HEX)].map((match) => [match.index, match.index + match[0].length] as const);
  return text.replace(CANDIDATE, (run: string, offset: number) =>
    hexTokens.some(([start, end]) => offset >= start && offset < end) ? run : maskRun(run),
  );
}

/**
 * A digit run with its card numbers masked to their first six and last four digits, whatever
 * surrounds them: letters or `_` touching the digits (`x4111…`, `4111…_`) are no boundaries that hide
 * a PAN. Left to right, the longest 13-19 digit window passing Luhn at each position is masked, so a
 * PAN inside a longer run (`00` + PAN) is found too. Linear in the run (at most 7 windows a digit).
 */
function maskRun(run: string): string {
  const digits = run.replace(/[ .-]/g, '');
  if (digits.length < MIN_PAN) return run;
  let masked = '';
  let position = 0;
  let changed = false;
  while (position + MIN_PAN <= digits.length) {
    const length = cardNumberAt(digits, position);
    if (length === undefined) {
      masked += digits[position]!;
      position += 1;
      continue;
    }
    masked += `${digits.slice(position, position + 6)}${'*'.repeat(length - 10)}${digits.slice(position + length - 4, position + length)}`;
    position += length;
    changed = true;
  }
  return changed ? masked + digits.slice(position) : run;
}

/** The length of the longest Luhn-valid 13-19 digit window starting at `position`, if any. */
function cardNumberAt(digits: string, position: number): number | undefined {
  for (let length = Math.min(MAX_PAN, digits.length - position); length >= MIN_PAN; length -= 1) {
    if (passesLuhn(digits.slice(position, position + length))) return length;
  }
  return undefined;
}

export function maskPansOptional(text: string | null | undefined): string | undefined {
  return text == null ? undefined : maskPans(text);
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
