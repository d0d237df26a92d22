// Original file: proto/ucs/payment_get.proto

import type { CaptureMethod as _types_CaptureMethod, CaptureMethod__Output as _types_CaptureMethod__Output } from '../types/CaptureMethod.js';
import type { Money as _types_Money, Money__Output as _types_Money__Output } from '../types/Money.js';
import type { FutureUsage as _types_FutureUsage, FutureUsage__Output as _types_FutureUsage__Output } from '../types/FutureUsage.js';
import type { ConnectorState as _types_ConnectorState, ConnectorState__Output as _types_ConnectorState__Output } from '../types/ConnectorState.js';
import type { SecretString as _types_SecretString, SecretString__Output as _types_SecretString__Output } from '../types/SecretString.js';
import type { SyncRequestType as _types_SyncRequestType, SyncRequestType__Output as _types_SyncRequestType__Output } from '../types/SyncRequestType.js';
import type { PaymentExperience as _types_PaymentExperience, PaymentExperience__Output as _types_PaymentExperience__Output } from '../types/PaymentExperience.js';

export interface PaymentServiceGetRequest {
  'merchant_transaction_id'?: (string);
  'connector_transaction_id'?: (string);
  'encoded_data'?: (string);
  'capture_method'?: (_types_CaptureMethod);
  'amount'?: (_types_Money | null);
  'setup_future_usage'?: (_types_FutureUsage);
  'state'?: (_types_ConnectorState | null);
  'metadata'?: (_types_SecretString | null);
  'connector_feature_data'?: (_types_SecretString | null);
  'sync_type'?: (_types_SyncRequestType);
  'connector_order_reference_id'?: (string);
  'test_mode'?: (boolean);
  'payment_experience'?: (_types_PaymentExperience);
  'merchant_request_id'?: (string);
  '_merchant_transaction_id'?: "merchant_transaction_id";
  '_encoded_data'?: "encoded_data";
  '_capture_method'?: "capture_method";
  '_amount'?: "amount";
  '_setup_future_usage'?: "setup_future_usage";
  '_state'?: "state";
  '_metadata'?: "metadata";
  '_connector_feature_data'?: "connector_feature_data";
  '_sync_type'?: "sync_type";
  '_connector_order_reference_id'?: "connector_order_reference_id";
  '_test_mode'?: "test_mode";
  '_payment_experience'?: "payment_experience";
  '_merchant_request_id'?: "merchant_request_id";
}

export interface PaymentServiceGetRequest__Output {
  'merchant_transaction_id'?: (string);
  'connector_transaction_id': (string);
  'encoded_data'?: (string);
  'capture_method'?: (_types_CaptureMethod__Output);
  'amount'?: (_types_Money__Output | null);
  'setup_future_usage'?: (_types_FutureUsage__Output);
  'state'?: (_types_ConnectorState__Output | null);
  'metadata'?: (_types_SecretString__Output | null);
  'connector_feature_data'?: (_types_SecretString__Output | null);
  'sync_type'?: (_types_SyncRequestType__Output);
  'connector_order_reference_id'?: (string);
  'test_mode'?: (boolean);
  'payment_experience'?: (_types_PaymentExperience__Output);
  'merchant_request_id'?: (string);
  '_merchant_transaction_id'?: "merchant_transaction_id";
  '_encoded_data'?: "encoded_data";
  '_capture_method'?: "capture_method";
  '_amount'?: "amount";
  '_setup_future_usage'?: "setup_future_usage";
  '_state'?: "state";
  '_metadata'?: "metadata";
  '_connector_feature_data'?: "connector_feature_data";
  '_sync_type'?: "sync_type";
  '_connector_order_reference_id'?: "connector_order_reference_id";
  '_test_mode'?: "test_mode";
  '_payment_experience'?: "payment_experience";
  '_merchant_request_id'?: "merchant_request_id";
}
