import { pino, type DestinationStream, type Logger } from 'pino';
import { scrubSecrets } from '../security/scrub.js';

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
 * A JSON logger whose every line passes through `scrubSecrets` before it is written, so a card
 * number, JWT or private key that reaches a log call by any path is masked in the output.
 */
export function createLogger(level: string, destination: DestinationStream = process.stdout): Logger {
  const scrubbing: DestinationStream = {
    write(line: string) {
      destination.write(scrubSecrets(line));
    },
  };
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'payments-subgraph' } }, scrubbing);
}
