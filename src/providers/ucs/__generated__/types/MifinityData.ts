// Original file: proto/ucs/payment_get.proto


export interface MifinityData {
  'initialization_token'?: (string);
}

export interface MifinityData__Output {
  'initialization_token': (string);
}
