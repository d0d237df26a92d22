// Original file: proto/ucs/payment_get.proto

import type { HttpMethod as _types_HttpMethod, HttpMethod__Output as _types_HttpMethod__Output } from '../types/HttpMethod.js';

export interface FormData {
  'endpoint'?: (string);
  'method'?: (_types_HttpMethod);
  'form_fields'?: ({[key: string]: string});
}

export interface FormData__Output {
  'endpoint': (string);
  'method': (_types_HttpMethod__Output);
  'form_fields': ({[key: string]: string});
}
