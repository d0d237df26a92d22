// Original file: proto/ucs/payment_get.proto

export const CaptureMethod = {
  CAPTURE_METHOD_UNSPECIFIED: 'CAPTURE_METHOD_UNSPECIFIED',
  AUTOMATIC: 'AUTOMATIC',
  MANUAL: 'MANUAL',
  MANUAL_MULTIPLE: 'MANUAL_MULTIPLE',
  SCHEDULED: 'SCHEDULED',
  SEQUENTIAL_AUTOMATIC: 'SEQUENTIAL_AUTOMATIC',
} as const;

export type CaptureMethod =
  | 'CAPTURE_METHOD_UNSPECIFIED'
  | 0
  | 'AUTOMATIC'
  | 1
  | 'MANUAL'
  | 2
  | 'MANUAL_MULTIPLE'
  | 3
  | 'SCHEDULED'
  | 4
  | 'SEQUENTIAL_AUTOMATIC'
  | 5

export type CaptureMethod__Output = typeof CaptureMethod[keyof typeof CaptureMethod]
