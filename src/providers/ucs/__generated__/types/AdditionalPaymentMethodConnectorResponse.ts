// Original file: proto/ucs/payment_get.proto

import type { CardConnectorResponse as _types_CardConnectorResponse, CardConnectorResponse__Output as _types_CardConnectorResponse__Output } from '../types/CardConnectorResponse.js';
import type { UpiConnectorResponse as _types_UpiConnectorResponse, UpiConnectorResponse__Output as _types_UpiConnectorResponse__Output } from '../types/UpiConnectorResponse.js';
import type { GooglePayConnectorResponse as _types_GooglePayConnectorResponse, GooglePayConnectorResponse__Output as _types_GooglePayConnectorResponse__Output } from '../types/GooglePayConnectorResponse.js';
import type { ApplePayConnectorResponse as _types_ApplePayConnectorResponse, ApplePayConnectorResponse__Output as _types_ApplePayConnectorResponse__Output } from '../types/ApplePayConnectorResponse.js';
import type { BankRedirectConnectorResponse as _types_BankRedirectConnectorResponse, BankRedirectConnectorResponse__Output as _types_BankRedirectConnectorResponse__Output } from '../types/BankRedirectConnectorResponse.js';

export interface AdditionalPaymentMethodConnectorResponse {
  'card'?: (_types_CardConnectorResponse | null);
  'upi'?: (_types_UpiConnectorResponse | null);
  'google_pay'?: (_types_GooglePayConnectorResponse | null);
  'apple_pay'?: (_types_ApplePayConnectorResponse | null);
  'bank_redirect'?: (_types_BankRedirectConnectorResponse | null);
  'payment_method_data'?: "card"|"upi"|"google_pay"|"apple_pay"|"bank_redirect";
}

export interface AdditionalPaymentMethodConnectorResponse__Output {
  'card'?: (_types_CardConnectorResponse__Output | null);
  'upi'?: (_types_UpiConnectorResponse__Output | null);
  'google_pay'?: (_types_GooglePayConnectorResponse__Output | null);
  'apple_pay'?: (_types_ApplePayConnectorResponse__Output | null);
  'bank_redirect'?: (_types_BankRedirectConnectorResponse__Output | null);
  'payment_method_data'?: "card"|"upi"|"google_pay"|"apple_pay"|"bank_redirect";
}
