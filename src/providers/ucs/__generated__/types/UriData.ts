// Original file: proto/ucs/payment_get.proto


export interface UriData {
  'uri'?: (string);
}

export interface UriData__Output {
  'uri': (string);
}
