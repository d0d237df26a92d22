/** The payment providers this subgraph can read from. Mirrors the GraphQL `Provider` enum. */
export const PROVIDERS = ['PRIMER', 'GR4VY', 'KUIKPOS', 'ORCARAIL', 'UCS'] as const;

export type Provider = (typeof PROVIDERS)[number];

/** Human-readable provider names, used in error messages and logs. */
export const PROVIDER_DISPLAY_NAMES: Readonly<Record<Provider, string>> = {
  PRIMER: 'Primer',
  GR4VY: 'Gr4vy',
  KUIKPOS: 'KuikPOS',
  ORCARAIL: 'OrcaRail',
  UCS: 'UCS (connector-service)',
};

/** What identifies one payment across the subgraph: the provider and the provider's own id. */
export interface PaymentKey {
  readonly provider: Provider;
  readonly id: string;
}

export function paymentKeyString(key: PaymentKey): string {
  return `${key.provider}:${key.id}`;
}
