/**
 * Who is asking, as far as this subgraph could verify it (src/server/caller-verifier.ts). The
 * schema's `@authenticated` and `@requiresScopes` are enforced from this, field by field, so personal
 * data reaches only a verified caller with the scope for it, whatever sits in front of the subgraph.
 */
export type Caller =
  /** Development with no inbound auth configured: every caller is trusted (the start-up log says so). */
  | { readonly kind: 'trusted' }
  | {
      readonly kind: 'checked';
      /** The gateway proved itself: the shared secret, or a JWT it forwarded that verified. */
      readonly verified: boolean;
      /** An end user is authenticated: a JWT that verified against the gateway's keys. */
      readonly authenticated: boolean;
      /** The scopes that JWT grants (its `scope` claim, space-separated, or a `scopes` array). */
      readonly scopes: ReadonlySet<string>;
    };

export const ANONYMOUS: Caller = { kind: 'checked', verified: false, authenticated: false, scopes: new Set() };
