// Original file: proto/ucs/payment_get.proto


export interface HtmlData {
  'html_data'?: (string);
}

export interface HtmlData__Output {
  'html_data': (string);
}
