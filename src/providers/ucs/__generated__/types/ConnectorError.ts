// Original file: proto/ucs/payment_get.proto

import type { ErrorInfo as _types_ErrorInfo, ErrorInfo__Output as _types_ErrorInfo__Output } from '../types/ErrorInfo.js';

export interface ConnectorError {
  'error_message'?: (string);
  'error_code'?: (string);
  'http_status_code'?: (number);
  'error_info'?: (_types_ErrorInfo | null);
  '_http_status_code'?: "http_status_code";
  '_error_info'?: "error_info";
}

export interface ConnectorError__Output {
  'error_message': (string);
  'error_code': (string);
  'http_status_code'?: (number);
  'error_info'?: (_types_ErrorInfo__Output | null);
  '_http_status_code'?: "http_status_code";
  '_error_info'?: "error_info";
}
