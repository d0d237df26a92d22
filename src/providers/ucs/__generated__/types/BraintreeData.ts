// Original file: proto/ucs/payment_get.proto


export interface BraintreeData {
  'client_token'?: (string);
  'card_token'?: (string);
  'bin'?: (string);
  'acs_url'?: (string);
}

export interface BraintreeData__Output {
  'client_token': (string);
  'card_token': (string);
  'bin': (string);
  'acs_url': (string);
}
