/** What every provider transform is told besides the provider's body. */
export interface TransformContext {
  /** The id that was asked for: the payment carries it, never an id taken from the body. */
  readonly id: string;
  /** When the body was read; also "now" for judging expiry. */
  readonly fetchedAt: Date;
}
