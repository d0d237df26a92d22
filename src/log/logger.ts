import { pino, type DestinationStream, type Logger } from 'pino';
import { scrubDeep, scrubText } from '../security/scrub.js';

/**
 * Paths that carry credentials in objects we might log (request headers above all). Secrets held
 * in `Secret` already print as `[redacted]`; this covers raw header objects.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-api-secret"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["x-api-secret"]',
  'headers["x-connector-config"]',
];

/**
 * A JSON logger whose every line's values pass through the outgoing filter before it is written, so
 * a card number, credential, JWT or private key that reaches a log call by any path is masked. It
 * scrubs values, not the serialized line: a 13-digit epoch `time` that happens to pass Luhn stays a
 * number, and every line stays valid JSON.
 */
export function createLogger(level: string, destination: DestinationStream = process.stdout): Logger {
  const scrubbing: DestinationStream = {
    write(line: string) {
      destination.write(scrubbedLine(line));
    },
  };
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'payments-subgraph' } }, scrubbing);
}

function scrubbedLine(line: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    // pino writes JSON lines; should anything else arrive, it still leaves as one, scrubbed.
    return `${JSON.stringify({ msg: scrubText(line.trimEnd()) })}\n`;
  }
  return `${JSON.stringify(scrubDeep(entry))}\n`;
}
