// Original file: proto/ucs/payment_get.proto


export interface UnifiedErrorDetails {
  'code'?: (string);
  'message'?: (string);
  'description'?: (string);
  'user_guidance_message'?: (string);
  '_code'?: "code";
  '_message'?: "message";
  '_description'?: "description";
  '_user_guidance_message'?: "user_guidance_message";
}

export interface UnifiedErrorDetails__Output {
  'code'?: (string);
  'message'?: (string);
  'description'?: (string);
  'user_guidance_message'?: (string);
  '_code'?: "code";
  '_message'?: "message";
  '_description'?: "description";
  '_user_guidance_message'?: "user_guidance_message";
}
