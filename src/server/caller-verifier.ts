import { GraphQLError } from 'graphql';
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ErrorCode } from '../errors/codes.js';
import { ANONYMOUS, type Caller } from '../graphql/caller.js';
import type { Secret } from '../security/secret.js';
import { bearerToken } from './bearer-token.js';

/** How this subgraph checks that a request comes from the gateway, and whose it is. */
export interface InboundAuth {
  /** Sent by the gateway on every subgraph request in `GATEWAY_SECRET_HEADER`; proves the caller is the gateway. */
  readonly gatewaySecret?: Secret;
  readonly gatewaySecretHeader: string;
  /** The end user's JWT, forwarded by the gateway as `Authorization: Bearer`, checked against the gateway's keys. */
  readonly jwt?: { readonly keys: JWTVerifyGetKey; readonly issuer?: string; readonly audience?: string };
}

/** Asymmetric algorithms only: a shared-key HS256 token could be forged by anyone holding the key. */
const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'EdDSA'];

/**
 * Works out the caller of each request. With inbound auth configured, a request that fails it (a
 * missing or wrong gateway secret, a JWT that does not verify) is refused whole with 401 before any
 * provider is called. Without it, production treats every caller as anonymous (personal data is
 * withheld from everyone) and development trusts everyone.
 */
export class CallerVerifier {
  constructor(
    private readonly auth: InboundAuth | undefined,
    private readonly production: boolean,
  ) {}

  get configured(): boolean {
    return this.auth !== undefined && (this.auth.gatewaySecret !== undefined || this.auth.jwt !== undefined);
  }

  async verify(headers: Readonly<Record<string, string | string[] | undefined>>): Promise<Caller> {
    const { auth } = this;
    if (!auth || !this.configured) return this.production ? ANONYMOUS : { kind: 'trusted' };
    const header = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const secretMatched = auth.gatewaySecret?.matches(header(auth.gatewaySecretHeader)) === true;
    if (auth.gatewaySecret && !secretMatched) throw unauthenticated('the request does not come from the gateway');
    const token = bearerToken(header('authorization'));
    if (!auth.jwt || token === undefined) {
      return { kind: 'checked', verified: secretMatched, authenticated: false, scopes: new Set() };
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, auth.jwt.keys, {
        algorithms: ALGORITHMS,
        ...(auth.jwt.issuer ? { issuer: auth.jwt.issuer } : {}),
        ...(auth.jwt.audience ? { audience: auth.jwt.audience } : {}),
      }));
    } catch {
      // The reason (expired, bad signature, wrong issuer) is not for the caller to probe.
      throw unauthenticated('the bearer token does not verify');
    }
    return { kind: 'checked', verified: true, authenticated: true, scopes: scopesOf(payload) };
  }
}

/** OAuth's space-separated `scope` claim (RFC 8693 §4.2, what Apollo Router reads), or a `scopes` array. */
function scopesOf(payload: JWTPayload): ReadonlySet<string> {
  const { scope, scopes } = payload as { scope?: unknown; scopes?: unknown };
  if (typeof scope === 'string') return new Set(scope.split(' ').filter(Boolean));
  if (Array.isArray(scopes)) return new Set(scopes.filter((value): value is string => typeof value === 'string'));
  return new Set();
}

function unauthenticated(why: string): GraphQLError {
  return new GraphQLError(`Unauthenticated: ${why}`, { extensions: { code: ErrorCode.UNAUTHENTICATED, retryable: false, http: { status: 401 } } });
}
