// Original file: proto/ucs/payment_get.proto

import type { AccessToken as _types_AccessToken, AccessToken__Output as _types_AccessToken__Output } from '../types/AccessToken.js';

export interface ConnectorState {
  'access_token'?: (_types_AccessToken | null);
  'connector_customer_id'?: (string);
  '_access_token'?: "access_token";
  '_connector_customer_id'?: "connector_customer_id";
}

export interface ConnectorState__Output {
  'access_token'?: (_types_AccessToken__Output | null);
  'connector_customer_id'?: (string);
  '_access_token'?: "access_token";
  '_connector_customer_id'?: "connector_customer_id";
}
