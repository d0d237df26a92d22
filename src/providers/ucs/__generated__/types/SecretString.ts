// Original file: proto/ucs/payment_get.proto


export interface SecretString {
  'value'?: (string);
}

export interface SecretString__Output {
  'value': (string);
}
