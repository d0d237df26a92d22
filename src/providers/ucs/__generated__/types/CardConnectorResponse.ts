// Original file: proto/ucs/payment_get.proto


export interface CardConnectorResponse {
  'authentication_data'?: (Buffer | Uint8Array | string);
  'payment_checks'?: (Buffer | Uint8Array | string);
  'card_network'?: (string);
  'domestic_network'?: (string);
  'auth_code'?: (string);
  '_authentication_data'?: "authentication_data";
  '_payment_checks'?: "payment_checks";
  '_card_network'?: "card_network";
  '_domestic_network'?: "domestic_network";
  '_auth_code'?: "auth_code";
}

export interface CardConnectorResponse__Output {
  'authentication_data'?: (Buffer);
  'payment_checks'?: (Buffer);
  'card_network'?: (string);
  'domestic_network'?: (string);
  'auth_code'?: (string);
  '_authentication_data'?: "authentication_data";
  '_payment_checks'?: "payment_checks";
  '_card_network'?: "card_network";
  '_domestic_network'?: "domestic_network";
  '_auth_code'?: "auth_code";
}
