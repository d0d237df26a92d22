// Original file: proto/ucs/payment_get.proto

import type { SecretString as _types_SecretString, SecretString__Output as _types_SecretString__Output } from '../types/SecretString.js';
import type { Long } from '@grpc/proto-loader';

export interface AccessToken {
  'token'?: (_types_SecretString | null);
  'expires_in_seconds'?: (number | string | Long);
  'token_type'?: (string);
  '_expires_in_seconds'?: "expires_in_seconds";
  '_token_type'?: "token_type";
}

export interface AccessToken__Output {
  'token': (_types_SecretString__Output | null);
  'expires_in_seconds'?: (string);
  'token_type'?: (string);
  '_expires_in_seconds'?: "expires_in_seconds";
  '_token_type'?: "token_type";
}
