// Original file: proto/ucs/payment_get.proto


export interface ConnectorMandateReferenceId {
  'connector_mandate_id'?: (string);
  'payment_method_id'?: (string);
  'connector_mandate_request_reference_id'?: (string);
  '_connector_mandate_id'?: "connector_mandate_id";
  '_payment_method_id'?: "payment_method_id";
  '_connector_mandate_request_reference_id'?: "connector_mandate_request_reference_id";
}

export interface ConnectorMandateReferenceId__Output {
  'connector_mandate_id'?: (string);
  'payment_method_id'?: (string);
  'connector_mandate_request_reference_id'?: (string);
  '_connector_mandate_id'?: "connector_mandate_id";
  '_payment_method_id'?: "payment_method_id";
  '_connector_mandate_request_reference_id'?: "connector_mandate_request_reference_id";
}
