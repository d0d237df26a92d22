import type { z } from 'zod';
import type { RequestScope } from '../../request/request-scope.js';
import { ErrorCode } from '../../errors/codes.js';
import { lookupError, type PaymentLookupError } from '../../errors/payment-lookup-error.js';
import type { Payment } from '../../model/payment.js';
import type { TransformContext } from '../transform-context.js';
import type { JsonHttpClient, HttpResponse } from './json-http-client.js';
import { errorForStatus, parseJsonBody, type ParsedBody } from './responses.js';

/** One JSON resource of a provider: where it is, how to ask, and how to read its failures. */
export interface JsonResource<Wire> {
  /** Below the base URL, with every id already encoded (`encodePathSegment`). */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly schema: z.ZodType<Wire>;
  /**
   * The provider's documented exceptions to the shared status table (`errorForStatus`), e.g.
   * Primer's "not found" as HTTP 400 `PaymentError`; undefined falls back to the table.
   */
  readonly documentedError?: (response: HttpResponse) => PaymentLookupError | undefined;
  /**
   * The top-level fields that define the resource: a mismatch there makes the body unreadable, a
   * mismatch elsewhere leaves that field out (see `parseJsonBody`). Unset: every field is essential.
   */
  readonly essential?: readonly string[];
  /** Reshapes the JSON before validation (OrcaRail: snake_case keys to camelCase). */
  readonly prepare?: (body: unknown) => unknown;
}

/** A provider's "get payment" resource, and how its body becomes the unified Payment. */
export interface PaymentResource<Wire> extends JsonResource<Wire> {
  /** The id the body says it describes. */
  readonly answeredId: (wire: Wire) => string;
  /** Whether the answered id is the asked one; exact by default (Gr4vy's UUIDs ignore case). */
  readonly sameId?: (asked: string, answered: string) => boolean;
  /** Pure: wire body → Payment (see each provider's transform.ts). */
  readonly transform: (wire: Wire, context: TransformContext) => Payment;
}

/** GET, status, JSON and schema: the one way an HTTP provider's resource is read. */
export async function readJson<Wire>(client: JsonHttpClient, resource: JsonResource<Wire>, scope: RequestScope): Promise<ParsedBody<Wire>> {
  const response = await client.get(resource.path, resource.headers, scope);
  if (response.status !== 200) throw resource.documentedError?.(response) ?? errorForStatus(client.provider, response);
  return parseJsonBody(client.provider, response, resource.schema, {
    ...(resource.essential ? { essential: resource.essential } : {}),
    ...(resource.prepare ? { prepare: resource.prepare } : {}),
  });
}

const exactly = (asked: string, answered: string) => asked === answered;

/**
 * Reads one payment. A body that describes another payment than the one asked for is refused as
 * PROVIDER_BAD_RESPONSE: serving it under the asked id would show one buyer another's payment.
 */
export async function readPayment<Wire>(client: JsonHttpClient, id: string, resource: PaymentResource<Wire>, scope: RequestScope): Promise<Payment> {
  const { wire, dropped } = await readJson(client, resource, scope);
  if (!(resource.sameId ?? exactly)(id, resource.answeredId(wire))) {
    throw lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, client.provider, { detail: 'the body describes another payment than the one asked for' });
  }
  const payment = resource.transform(wire, { id, fetchedAt: new Date() });
  return dropped.length > 0 ? { ...payment, droppedFields: dropped } : payment;
}
