// Original file: proto/ucs/payment_get.proto

export const FutureUsage = {
  FUTURE_USAGE_UNSPECIFIED: 'FUTURE_USAGE_UNSPECIFIED',
  OFF_SESSION: 'OFF_SESSION',
  ON_SESSION: 'ON_SESSION',
} as const;

export type FutureUsage =
  | 'FUTURE_USAGE_UNSPECIFIED'
  | 0
  | 'OFF_SESSION'
  | 1
  | 'ON_SESSION'
  | 2

export type FutureUsage__Output = typeof FutureUsage[keyof typeof FutureUsage]
