// Original file: proto/ucs/payment_get.proto


export interface ConnectorErrorDetails {
  'code'?: (string);
  'message'?: (string);
  'reason'?: (string);
  'connector_transaction_id'?: (string);
  '_code'?: "code";
  '_message'?: "message";
  '_reason'?: "reason";
  '_connector_transaction_id'?: "connector_transaction_id";
}

export interface ConnectorErrorDetails__Output {
  'code'?: (string);
  'message'?: (string);
  'reason'?: (string);
  'connector_transaction_id'?: (string);
  '_code'?: "code";
  '_message'?: "message";
  '_reason'?: "reason";
  '_connector_transaction_id'?: "connector_transaction_id";
}
