// Original file: proto/ucs/payment_get.proto

export const SyncRequestType = {
  SYNC_REQUEST_TYPE_UNSPECIFIED: 'SYNC_REQUEST_TYPE_UNSPECIFIED',
  SINGLE_PAYMENT_SYNC: 'SINGLE_PAYMENT_SYNC',
  MULTIPLE_CAPTURE_SYNC: 'MULTIPLE_CAPTURE_SYNC',
} as const;

export type SyncRequestType =
  | 'SYNC_REQUEST_TYPE_UNSPECIFIED'
  | 0
  | 'SINGLE_PAYMENT_SYNC'
  | 1
  | 'MULTIPLE_CAPTURE_SYNC'
  | 2

export type SyncRequestType__Output = typeof SyncRequestType[keyof typeof SyncRequestType]
