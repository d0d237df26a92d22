// Original file: proto/ucs/payment_get.proto

import type { CustomerInfo as _types_CustomerInfo, CustomerInfo__Output as _types_CustomerInfo__Output } from '../types/CustomerInfo.js';

export interface InteracCustomerInfo {
  'customer_info'?: (_types_CustomerInfo | null);
  '_customer_info'?: "customer_info";
}

export interface InteracCustomerInfo__Output {
  'customer_info'?: (_types_CustomerInfo__Output | null);
  '_customer_info'?: "customer_info";
}
