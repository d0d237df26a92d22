// Original file: proto/ucs/payment_get.proto

import type { SecretString as _types_SecretString, SecretString__Output as _types_SecretString__Output } from '../types/SecretString.js';

export interface CustomerInfo {
  'customer_name'?: (_types_SecretString | null);
  'customer_email'?: (_types_SecretString | null);
  'customer_phone_number'?: (_types_SecretString | null);
  'customer_bank_id'?: (_types_SecretString | null);
  'customer_bank_name'?: (_types_SecretString | null);
  '_customer_name'?: "customer_name";
  '_customer_email'?: "customer_email";
  '_customer_phone_number'?: "customer_phone_number";
  '_customer_bank_id'?: "customer_bank_id";
  '_customer_bank_name'?: "customer_bank_name";
}

export interface CustomerInfo__Output {
  'customer_name'?: (_types_SecretString__Output | null);
  'customer_email'?: (_types_SecretString__Output | null);
  'customer_phone_number'?: (_types_SecretString__Output | null);
  'customer_bank_id'?: (_types_SecretString__Output | null);
  'customer_bank_name'?: (_types_SecretString__Output | null);
  '_customer_name'?: "customer_name";
  '_customer_email'?: "customer_email";
  '_customer_phone_number'?: "customer_phone_number";
  '_customer_bank_id'?: "customer_bank_id";
  '_customer_bank_name'?: "customer_bank_name";
}
