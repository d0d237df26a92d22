// Original file: proto/ucs/payment_get.proto


export interface CardDetailUpdate {
  'card_exp_month'?: (string);
  'card_exp_year'?: (string);
  'last4_digits'?: (string);
  'issuer_country'?: (string);
  'card_issuer'?: (string);
  'card_network'?: (string);
  'card_holder_name'?: (string);
  '_card_exp_month'?: "card_exp_month";
  '_card_exp_year'?: "card_exp_year";
  '_last4_digits'?: "last4_digits";
  '_issuer_country'?: "issuer_country";
  '_card_issuer'?: "card_issuer";
  '_card_network'?: "card_network";
  '_card_holder_name'?: "card_holder_name";
}

export interface CardDetailUpdate__Output {
  'card_exp_month'?: (string);
  'card_exp_year'?: (string);
  'last4_digits'?: (string);
  'issuer_country'?: (string);
  'card_issuer'?: (string);
  'card_network'?: (string);
  'card_holder_name'?: (string);
  '_card_exp_month'?: "card_exp_month";
  '_card_exp_year'?: "card_exp_year";
  '_last4_digits'?: "last4_digits";
  '_issuer_country'?: "issuer_country";
  '_card_issuer'?: "card_issuer";
  '_card_network'?: "card_network";
  '_card_holder_name'?: "card_holder_name";
}
