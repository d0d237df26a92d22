// Original file: proto/ucs/payment_get.proto

export const HttpMethod = {
  HTTP_METHOD_UNSPECIFIED: 'HTTP_METHOD_UNSPECIFIED',
  HTTP_METHOD_GET: 'HTTP_METHOD_GET',
  HTTP_METHOD_POST: 'HTTP_METHOD_POST',
  HTTP_METHOD_PUT: 'HTTP_METHOD_PUT',
  HTTP_METHOD_DELETE: 'HTTP_METHOD_DELETE',
} as const;

export type HttpMethod =
  | 'HTTP_METHOD_UNSPECIFIED'
  | 0
  | 'HTTP_METHOD_GET'
  | 1
  | 'HTTP_METHOD_POST'
  | 2
  | 'HTTP_METHOD_PUT'
  | 3
  | 'HTTP_METHOD_DELETE'
  | 4

export type HttpMethod__Output = typeof HttpMethod[keyof typeof HttpMethod]
