// Original file: proto/ucs/payment_get.proto

import type { SecretString as _types_SecretString, SecretString__Output as _types_SecretString__Output } from '../types/SecretString.js';

export interface NetworkTokenWithNTI {
  'network_transaction_id'?: (string);
  'token_exp_month'?: (_types_SecretString | null);
  'token_exp_year'?: (_types_SecretString | null);
  '_token_exp_month'?: "token_exp_month";
  '_token_exp_year'?: "token_exp_year";
}

export interface NetworkTokenWithNTI__Output {
  'network_transaction_id': (string);
  'token_exp_month'?: (_types_SecretString__Output | null);
  'token_exp_year'?: (_types_SecretString__Output | null);
  '_token_exp_month'?: "token_exp_month";
  '_token_exp_year'?: "token_exp_year";
}
