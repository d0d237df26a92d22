// Original file: proto/ucs/payment_get.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { PaymentServiceGetRequest as _types_PaymentServiceGetRequest, PaymentServiceGetRequest__Output as _types_PaymentServiceGetRequest__Output } from '../types/PaymentServiceGetRequest.js';
import type { PaymentServiceGetResponse as _types_PaymentServiceGetResponse, PaymentServiceGetResponse__Output as _types_PaymentServiceGetResponse__Output } from '../types/PaymentServiceGetResponse.js';

export interface PaymentServiceClient extends grpc.Client {
  Get(argument: _types_PaymentServiceGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _types_PaymentServiceGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _types_PaymentServiceGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _types_PaymentServiceGetRequest, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _types_PaymentServiceGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _types_PaymentServiceGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _types_PaymentServiceGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _types_PaymentServiceGetRequest, callback: grpc.requestCallback<_types_PaymentServiceGetResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PaymentServiceHandlers extends grpc.UntypedServiceImplementation {
  Get: grpc.handleUnaryCall<_types_PaymentServiceGetRequest__Output, _types_PaymentServiceGetResponse>;
  
}

export interface PaymentServiceDefinition extends grpc.ServiceDefinition {
  Get: MethodDefinition<_types_PaymentServiceGetRequest, _types_PaymentServiceGetResponse, _types_PaymentServiceGetRequest__Output, _types_PaymentServiceGetResponse__Output>
}
