// Original file: proto/ucs/payment_get.proto


export interface IntegrationError {
  'error_message'?: (string);
  'error_code'?: (string);
  'suggested_action'?: (string);
  'doc_url'?: (string);
  '_suggested_action'?: "suggested_action";
  '_doc_url'?: "doc_url";
}

export interface IntegrationError__Output {
  'error_message': (string);
  'error_code': (string);
  'suggested_action'?: (string);
  'doc_url'?: (string);
  '_suggested_action'?: "suggested_action";
  '_doc_url'?: "doc_url";
}
