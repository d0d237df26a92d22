// Original file: proto/ucs/payment_get.proto

import type { Currency as _types_Currency, Currency__Output as _types_Currency__Output } from '../types/Currency.js';
import type { Long } from '@grpc/proto-loader';

export interface Money {
  'minor_amount'?: (number | string | Long);
  'currency'?: (_types_Currency);
}

export interface Money__Output {
  'minor_amount': (string);
  'currency': (_types_Currency__Output);
}
