// Original file: proto/ucs/payment_get.proto

import type { InteracCustomerInfo as _types_InteracCustomerInfo, InteracCustomerInfo__Output as _types_InteracCustomerInfo__Output } from '../types/InteracCustomerInfo.js';

export interface BankRedirectConnectorResponse {
  'interac'?: (_types_InteracCustomerInfo | null);
  '_interac'?: "interac";
}

export interface BankRedirectConnectorResponse__Output {
  'interac'?: (_types_InteracCustomerInfo__Output | null);
  '_interac'?: "interac";
}
