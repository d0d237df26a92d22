/** The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or undefined for any other header. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
}
