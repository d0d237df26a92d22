// Original file: proto/ucs/payment_get.proto

export const UpiSource = {
  UPI_CC: 'UPI_CC',
  UPI_CL: 'UPI_CL',
  UPI_ACCOUNT: 'UPI_ACCOUNT',
  UPI_CC_CL: 'UPI_CC_CL',
  UPI_PPI: 'UPI_PPI',
  UPI_VOUCHER: 'UPI_VOUCHER',
} as const;

export type UpiSource =
  | 'UPI_CC'
  | 0
  | 'UPI_CL'
  | 1
  | 'UPI_ACCOUNT'
  | 2
  | 'UPI_CC_CL'
  | 3
  | 'UPI_PPI'
  | 4
  | 'UPI_VOUCHER'
  | 5

export type UpiSource__Output = typeof UpiSource[keyof typeof UpiSource]
