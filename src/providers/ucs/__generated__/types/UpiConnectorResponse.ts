// Original file: proto/ucs/payment_get.proto

import type { UpiSource as _types_UpiSource, UpiSource__Output as _types_UpiSource__Output } from '../types/UpiSource.js';

export interface UpiConnectorResponse {
  'upi_mode'?: (_types_UpiSource);
  '_upi_mode'?: "upi_mode";
}

export interface UpiConnectorResponse__Output {
  'upi_mode'?: (_types_UpiSource__Output);
  '_upi_mode'?: "upi_mode";
}
