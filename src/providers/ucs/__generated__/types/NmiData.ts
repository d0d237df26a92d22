// Original file: proto/ucs/payment_get.proto

import type { Money as _types_Money, Money__Output as _types_Money__Output } from '../types/Money.js';
import type { SecretString as _types_SecretString, SecretString__Output as _types_SecretString__Output } from '../types/SecretString.js';

export interface NmiData {
  'amount'?: (_types_Money | null);
  'public_key'?: (_types_SecretString | null);
  'customer_vault_id'?: (string);
  'order_id'?: (string);
  'continue_redirection_url'?: (string);
}

export interface NmiData__Output {
  'amount': (_types_Money__Output | null);
  'public_key': (_types_SecretString__Output | null);
  'customer_vault_id': (string);
  'order_id': (string);
  'continue_redirection_url': (string);
}
