/**
 * Finds card numbers (13-19 digits, optionally split by spaces or dashes, passing the Luhn check)
 * in free text and masks all but the first six and last four digits. Applied to every free-text
 * string a provider sends (response messages, descriptions) and to every log line, so a PAN that a
 * provider or a caller puts somewhere unexpected still never leaves the service.
 */
const CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

export function maskPans(text: string): string {
  return text.replace(CANDIDATE, (candidate) => {
    const digits = candidate.replace(/[ -]/g, '');
    if (!passesLuhn(digits)) return candidate;
    return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
  });
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
