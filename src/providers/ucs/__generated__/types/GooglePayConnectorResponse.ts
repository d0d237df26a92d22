// Original file: proto/ucs/payment_get.proto


export interface GooglePayConnectorResponse {
  'auth_code'?: (string);
  '_auth_code'?: "auth_code";
}

export interface GooglePayConnectorResponse__Output {
  'auth_code'?: (string);
  '_auth_code'?: "auth_code";
}
