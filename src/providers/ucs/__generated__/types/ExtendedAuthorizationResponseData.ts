// Original file: proto/ucs/payment_get.proto

import type { Long } from '@grpc/proto-loader';

export interface ExtendedAuthorizationResponseData {
  'extended_authentication_applied'?: (boolean);
  'capture_before'?: (number | string | Long);
  'extended_authorization_last_applied_at'?: (number | string | Long);
  '_extended_authentication_applied'?: "extended_authentication_applied";
  '_capture_before'?: "capture_before";
  '_extended_authorization_last_applied_at'?: "extended_authorization_last_applied_at";
}

export interface ExtendedAuthorizationResponseData__Output {
  'extended_authentication_applied'?: (boolean);
  'capture_before'?: (string);
  'extended_authorization_last_applied_at'?: (string);
  '_extended_authentication_applied'?: "extended_authentication_applied";
  '_capture_before'?: "capture_before";
  '_extended_authorization_last_applied_at'?: "extended_authorization_last_applied_at";
}
