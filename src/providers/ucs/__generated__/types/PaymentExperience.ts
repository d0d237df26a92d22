// Original file: proto/ucs/payment_get.proto

export const PaymentExperience = {
  PAYMENT_EXPERIENCE_UNSPECIFIED: 'PAYMENT_EXPERIENCE_UNSPECIFIED',
  REDIRECT_TO_URL: 'REDIRECT_TO_URL',
  INVOKE_SDK_CLIENT: 'INVOKE_SDK_CLIENT',
  DISPLAY_QR_CODE: 'DISPLAY_QR_CODE',
  ONE_CLICK: 'ONE_CLICK',
  LINK_WALLET: 'LINK_WALLET',
  INVOKE_PAYMENT_APP: 'INVOKE_PAYMENT_APP',
  DISPLAY_WAIT_SCREEN: 'DISPLAY_WAIT_SCREEN',
  COLLECT_OTP: 'COLLECT_OTP',
} as const;

export type PaymentExperience =
  | 'PAYMENT_EXPERIENCE_UNSPECIFIED'
  | 0
  | 'REDIRECT_TO_URL'
  | 1
  | 'INVOKE_SDK_CLIENT'
  | 2
  | 'DISPLAY_QR_CODE'
  | 3
  | 'ONE_CLICK'
  | 4
  | 'LINK_WALLET'
  | 5
  | 'INVOKE_PAYMENT_APP'
  | 6
  | 'DISPLAY_WAIT_SCREEN'
  | 7
  | 'COLLECT_OTP'
  | 8

export type PaymentExperience__Output = typeof PaymentExperience[keyof typeof PaymentExperience]
