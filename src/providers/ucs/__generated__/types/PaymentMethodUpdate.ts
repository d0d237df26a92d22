// Original file: proto/ucs/payment_get.proto

import type { CardDetailUpdate as _types_CardDetailUpdate, CardDetailUpdate__Output as _types_CardDetailUpdate__Output } from '../types/CardDetailUpdate.js';

export interface PaymentMethodUpdate {
  'card'?: (_types_CardDetailUpdate | null);
  'payment_method_update_data'?: "card";
}

export interface PaymentMethodUpdate__Output {
  'card'?: (_types_CardDetailUpdate__Output | null);
  'payment_method_update_data'?: "card";
}
