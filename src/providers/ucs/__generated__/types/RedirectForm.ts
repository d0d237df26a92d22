// Original file: proto/ucs/payment_get.proto

import type { FormData as _types_FormData, FormData__Output as _types_FormData__Output } from '../types/FormData.js';
import type { HtmlData as _types_HtmlData, HtmlData__Output as _types_HtmlData__Output } from '../types/HtmlData.js';
import type { UriData as _types_UriData, UriData__Output as _types_UriData__Output } from '../types/UriData.js';
import type { BraintreeData as _types_BraintreeData, BraintreeData__Output as _types_BraintreeData__Output } from '../types/BraintreeData.js';
import type { MifinityData as _types_MifinityData, MifinityData__Output as _types_MifinityData__Output } from '../types/MifinityData.js';
import type { NmiData as _types_NmiData, NmiData__Output as _types_NmiData__Output } from '../types/NmiData.js';

export interface RedirectForm {
  'form'?: (_types_FormData | null);
  'html'?: (_types_HtmlData | null);
  'uri'?: (_types_UriData | null);
  'braintree'?: (_types_BraintreeData | null);
  'mifinity'?: (_types_MifinityData | null);
  'nmi'?: (_types_NmiData | null);
  'form_type'?: "form"|"html"|"uri"|"braintree"|"mifinity"|"nmi";
}

export interface RedirectForm__Output {
  'form'?: (_types_FormData__Output | null);
  'html'?: (_types_HtmlData__Output | null);
  'uri'?: (_types_UriData__Output | null);
  'braintree'?: (_types_BraintreeData__Output | null);
  'mifinity'?: (_types_MifinityData__Output | null);
  'nmi'?: (_types_NmiData__Output | null);
  'form_type'?: "form"|"html"|"uri"|"braintree"|"mifinity"|"nmi";
}
