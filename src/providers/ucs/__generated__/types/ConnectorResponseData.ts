// Original file: proto/ucs/payment_get.proto

import type { AdditionalPaymentMethodConnectorResponse as _types_AdditionalPaymentMethodConnectorResponse, AdditionalPaymentMethodConnectorResponse__Output as _types_AdditionalPaymentMethodConnectorResponse__Output } from '../types/AdditionalPaymentMethodConnectorResponse.js';
import type { ExtendedAuthorizationResponseData as _types_ExtendedAuthorizationResponseData, ExtendedAuthorizationResponseData__Output as _types_ExtendedAuthorizationResponseData__Output } from '../types/ExtendedAuthorizationResponseData.js';

export interface ConnectorResponseData {
  'additional_payment_method_data'?: (_types_AdditionalPaymentMethodConnectorResponse | null);
  'extended_authorization_response_data'?: (_types_ExtendedAuthorizationResponseData | null);
  'is_overcapture_enabled'?: (boolean);
  '_additional_payment_method_data'?: "additional_payment_method_data";
  '_extended_authorization_response_data'?: "extended_authorization_response_data";
  '_is_overcapture_enabled'?: "is_overcapture_enabled";
}

export interface ConnectorResponseData__Output {
  'additional_payment_method_data'?: (_types_AdditionalPaymentMethodConnectorResponse__Output | null);
  'extended_authorization_response_data'?: (_types_ExtendedAuthorizationResponseData__Output | null);
  'is_overcapture_enabled'?: (boolean);
  '_additional_payment_method_data'?: "additional_payment_method_data";
  '_extended_authorization_response_data'?: "extended_authorization_response_data";
  '_is_overcapture_enabled'?: "is_overcapture_enabled";
}
