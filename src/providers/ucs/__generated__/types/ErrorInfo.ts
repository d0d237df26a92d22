// Original file: proto/ucs/payment_get.proto

import type { UnifiedErrorDetails as _types_UnifiedErrorDetails, UnifiedErrorDetails__Output as _types_UnifiedErrorDetails__Output } from '../types/UnifiedErrorDetails.js';
import type { IssuerErrorDetails as _types_IssuerErrorDetails, IssuerErrorDetails__Output as _types_IssuerErrorDetails__Output } from '../types/IssuerErrorDetails.js';
import type { ConnectorErrorDetails as _types_ConnectorErrorDetails, ConnectorErrorDetails__Output as _types_ConnectorErrorDetails__Output } from '../types/ConnectorErrorDetails.js';

export interface ErrorInfo {
  'unified_details'?: (_types_UnifiedErrorDetails | null);
  'issuer_details'?: (_types_IssuerErrorDetails | null);
  'connector_details'?: (_types_ConnectorErrorDetails | null);
  '_unified_details'?: "unified_details";
  '_issuer_details'?: "issuer_details";
  '_connector_details'?: "connector_details";
}

export interface ErrorInfo__Output {
  'unified_details'?: (_types_UnifiedErrorDetails__Output | null);
  'issuer_details'?: (_types_IssuerErrorDetails__Output | null);
  'connector_details'?: (_types_ConnectorErrorDetails__Output | null);
  '_unified_details'?: "unified_details";
  '_issuer_details'?: "issuer_details";
  '_connector_details'?: "connector_details";
}
