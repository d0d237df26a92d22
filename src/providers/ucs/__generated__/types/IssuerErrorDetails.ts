// Original file: proto/ucs/payment_get.proto

import type { NetworkErrorDetails as _types_NetworkErrorDetails, NetworkErrorDetails__Output as _types_NetworkErrorDetails__Output } from '../types/NetworkErrorDetails.js';

export interface IssuerErrorDetails {
  'code'?: (string);
  'message'?: (string);
  'network_details'?: (_types_NetworkErrorDetails | null);
  '_code'?: "code";
  '_message'?: "message";
  '_network_details'?: "network_details";
}

export interface IssuerErrorDetails__Output {
  'code'?: (string);
  'message'?: (string);
  'network_details'?: (_types_NetworkErrorDetails__Output | null);
  '_code'?: "code";
  '_message'?: "message";
  '_network_details'?: "network_details";
}
