// Original file: proto/ucs/payment_get.proto

export const AuthenticationType = {
  AUTHENTICATION_TYPE_UNSPECIFIED: 'AUTHENTICATION_TYPE_UNSPECIFIED',
  THREE_DS: 'THREE_DS',
  NO_THREE_DS: 'NO_THREE_DS',
} as const;

export type AuthenticationType =
  | 'AUTHENTICATION_TYPE_UNSPECIFIED'
  | 0
  | 'THREE_DS'
  | 1
  | 'NO_THREE_DS'
  | 2

export type AuthenticationType__Output = typeof AuthenticationType[keyof typeof AuthenticationType]
