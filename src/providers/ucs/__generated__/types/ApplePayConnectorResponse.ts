// Original file: proto/ucs/payment_get.proto


export interface ApplePayConnectorResponse {
  'auth_code'?: (string);
  '_auth_code'?: "auth_code";
}

export interface ApplePayConnectorResponse__Output {
  'auth_code'?: (string);
  '_auth_code'?: "auth_code";
}
