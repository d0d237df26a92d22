// Original file: proto/ucs/payment_get.proto


export interface NetworkErrorDetails {
  'advice_code'?: (string);
  'decline_code'?: (string);
  'error_message'?: (string);
  '_advice_code'?: "advice_code";
  '_decline_code'?: "decline_code";
  '_error_message'?: "error_message";
}

export interface NetworkErrorDetails__Output {
  'advice_code'?: (string);
  'decline_code'?: (string);
  'error_message'?: (string);
  '_advice_code'?: "advice_code";
  '_decline_code'?: "decline_code";
  '_error_message'?: "error_message";
}
