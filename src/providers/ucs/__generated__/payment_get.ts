import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AccessToken as _types_AccessToken, AccessToken__Output as _types_AccessToken__Output } from './types/AccessToken.js';
import type { AdditionalPaymentMethodConnectorResponse as _types_AdditionalPaymentMethodConnectorResponse, AdditionalPaymentMethodConnectorResponse__Output as _types_AdditionalPaymentMethodConnectorResponse__Output } from './types/AdditionalPaymentMethodConnectorResponse.js';
import type { ApplePayConnectorResponse as _types_ApplePayConnectorResponse, ApplePayConnectorResponse__Output as _types_ApplePayConnectorResponse__Output } from './types/ApplePayConnectorResponse.js';
import type { BankRedirectConnectorResponse as _types_BankRedirectConnectorResponse, BankRedirectConnectorResponse__Output as _types_BankRedirectConnectorResponse__Output } from './types/BankRedirectConnectorResponse.js';
import type { BraintreeData as _types_BraintreeData, BraintreeData__Output as _types_BraintreeData__Output } from './types/BraintreeData.js';
import type { CardConnectorResponse as _types_CardConnectorResponse, CardConnectorResponse__Output as _types_CardConnectorResponse__Output } from './types/CardConnectorResponse.js';
import type { CardDetailUpdate as _types_CardDetailUpdate, CardDetailUpdate__Output as _types_CardDetailUpdate__Output } from './types/CardDetailUpdate.js';
import type { ConnectorError as _types_ConnectorError, ConnectorError__Output as _types_ConnectorError__Output } from './types/ConnectorError.js';
import type { ConnectorErrorDetails as _types_ConnectorErrorDetails, ConnectorErrorDetails__Output as _types_ConnectorErrorDetails__Output } from './types/ConnectorErrorDetails.js';
import type { ConnectorMandateReferenceId as _types_ConnectorMandateReferenceId, ConnectorMandateReferenceId__Output as _types_ConnectorMandateReferenceId__Output } from './types/ConnectorMandateReferenceId.js';
import type { ConnectorResponseData as _types_ConnectorResponseData, ConnectorResponseData__Output as _types_ConnectorResponseData__Output } from './types/ConnectorResponseData.js';
import type { ConnectorState as _types_ConnectorState, ConnectorState__Output as _types_ConnectorState__Output } from './types/ConnectorState.js';
import type { CustomerInfo as _types_CustomerInfo, CustomerInfo__Output as _types_CustomerInfo__Output } from './types/CustomerInfo.js';
import type { ErrorInfo as _types_ErrorInfo, ErrorInfo__Output as _types_ErrorInfo__Output } from './types/ErrorInfo.js';
import type { ExtendedAuthorizationResponseData as _types_ExtendedAuthorizationResponseData, ExtendedAuthorizationResponseData__Output as _types_ExtendedAuthorizationResponseData__Output } from './types/ExtendedAuthorizationResponseData.js';
import type { FormData as _types_FormData, FormData__Output as _types_FormData__Output } from './types/FormData.js';
import type { GooglePayConnectorResponse as _types_GooglePayConnectorResponse, GooglePayConnectorResponse__Output as _types_GooglePayConnectorResponse__Output } from './types/GooglePayConnectorResponse.js';
import type { HtmlData as _types_HtmlData, HtmlData__Output as _types_HtmlData__Output } from './types/HtmlData.js';
import type { IntegrationError as _types_IntegrationError, IntegrationError__Output as _types_IntegrationError__Output } from './types/IntegrationError.js';
import type { InteracCustomerInfo as _types_InteracCustomerInfo, InteracCustomerInfo__Output as _types_InteracCustomerInfo__Output } from './types/InteracCustomerInfo.js';
import type { IssuerErrorDetails as _types_IssuerErrorDetails, IssuerErrorDetails__Output as _types_IssuerErrorDetails__Output } from './types/IssuerErrorDetails.js';
import type { MandateReference as _types_MandateReference, MandateReference__Output as _types_MandateReference__Output } from './types/MandateReference.js';
import type { MifinityData as _types_MifinityData, MifinityData__Output as _types_MifinityData__Output } from './types/MifinityData.js';
import type { Money as _types_Money, Money__Output as _types_Money__Output } from './types/Money.js';
import type { NetworkErrorDetails as _types_NetworkErrorDetails, NetworkErrorDetails__Output as _types_NetworkErrorDetails__Output } from './types/NetworkErrorDetails.js';
import type { NetworkTokenWithNTI as _types_NetworkTokenWithNTI, NetworkTokenWithNTI__Output as _types_NetworkTokenWithNTI__Output } from './types/NetworkTokenWithNTI.js';
import type { NmiData as _types_NmiData, NmiData__Output as _types_NmiData__Output } from './types/NmiData.js';
import type { PaymentMethodUpdate as _types_PaymentMethodUpdate, PaymentMethodUpdate__Output as _types_PaymentMethodUpdate__Output } from './types/PaymentMethodUpdate.js';
import type { PaymentServiceClient as _types_PaymentServiceClient, PaymentServiceDefinition as _types_PaymentServiceDefinition } from './types/PaymentService.js';
import type { PaymentServiceGetRequest as _types_PaymentServiceGetRequest, PaymentServiceGetRequest__Output as _types_PaymentServiceGetRequest__Output } from './types/PaymentServiceGetRequest.js';
import type { PaymentServiceGetResponse as _types_PaymentServiceGetResponse, PaymentServiceGetResponse__Output as _types_PaymentServiceGetResponse__Output } from './types/PaymentServiceGetResponse.js';
import type { RedirectForm as _types_RedirectForm, RedirectForm__Output as _types_RedirectForm__Output } from './types/RedirectForm.js';
import type { SecretString as _types_SecretString, SecretString__Output as _types_SecretString__Output } from './types/SecretString.js';
import type { UnifiedErrorDetails as _types_UnifiedErrorDetails, UnifiedErrorDetails__Output as _types_UnifiedErrorDetails__Output } from './types/UnifiedErrorDetails.js';
import type { UpiConnectorResponse as _types_UpiConnectorResponse, UpiConnectorResponse__Output as _types_UpiConnectorResponse__Output } from './types/UpiConnectorResponse.js';
import type { UriData as _types_UriData, UriData__Output as _types_UriData__Output } from './types/UriData.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  types: {
    AccessToken: MessageTypeDefinition<_types_AccessToken, _types_AccessToken__Output>
    AdditionalPaymentMethodConnectorResponse: MessageTypeDefinition<_types_AdditionalPaymentMethodConnectorResponse, _types_AdditionalPaymentMethodConnectorResponse__Output>
    ApplePayConnectorResponse: MessageTypeDefinition<_types_ApplePayConnectorResponse, _types_ApplePayConnectorResponse__Output>
    AuthenticationType: EnumTypeDefinition
    BankRedirectConnectorResponse: MessageTypeDefinition<_types_BankRedirectConnectorResponse, _types_BankRedirectConnectorResponse__Output>
    BraintreeData: MessageTypeDefinition<_types_BraintreeData, _types_BraintreeData__Output>
    CaptureMethod: EnumTypeDefinition
    CardConnectorResponse: MessageTypeDefinition<_types_CardConnectorResponse, _types_CardConnectorResponse__Output>
    CardDetailUpdate: MessageTypeDefinition<_types_CardDetailUpdate, _types_CardDetailUpdate__Output>
    ConnectorError: MessageTypeDefinition<_types_ConnectorError, _types_ConnectorError__Output>
    ConnectorErrorDetails: MessageTypeDefinition<_types_ConnectorErrorDetails, _types_ConnectorErrorDetails__Output>
    ConnectorMandateReferenceId: MessageTypeDefinition<_types_ConnectorMandateReferenceId, _types_ConnectorMandateReferenceId__Output>
    ConnectorResponseData: MessageTypeDefinition<_types_ConnectorResponseData, _types_ConnectorResponseData__Output>
    ConnectorState: MessageTypeDefinition<_types_ConnectorState, _types_ConnectorState__Output>
    Currency: EnumTypeDefinition
    CustomerInfo: MessageTypeDefinition<_types_CustomerInfo, _types_CustomerInfo__Output>
    ErrorInfo: MessageTypeDefinition<_types_ErrorInfo, _types_ErrorInfo__Output>
    ExtendedAuthorizationResponseData: MessageTypeDefinition<_types_ExtendedAuthorizationResponseData, _types_ExtendedAuthorizationResponseData__Output>
    FormData: MessageTypeDefinition<_types_FormData, _types_FormData__Output>
    FutureUsage: EnumTypeDefinition
    GooglePayConnectorResponse: MessageTypeDefinition<_types_GooglePayConnectorResponse, _types_GooglePayConnectorResponse__Output>
    HtmlData: MessageTypeDefinition<_types_HtmlData, _types_HtmlData__Output>
    HttpMethod: EnumTypeDefinition
    IntegrationError: MessageTypeDefinition<_types_IntegrationError, _types_IntegrationError__Output>
    InteracCustomerInfo: MessageTypeDefinition<_types_InteracCustomerInfo, _types_InteracCustomerInfo__Output>
    IssuerErrorDetails: MessageTypeDefinition<_types_IssuerErrorDetails, _types_IssuerErrorDetails__Output>
    MandateReference: MessageTypeDefinition<_types_MandateReference, _types_MandateReference__Output>
    MifinityData: MessageTypeDefinition<_types_MifinityData, _types_MifinityData__Output>
    Money: MessageTypeDefinition<_types_Money, _types_Money__Output>
    NetworkErrorDetails: MessageTypeDefinition<_types_NetworkErrorDetails, _types_NetworkErrorDetails__Output>
    NetworkTokenWithNTI: MessageTypeDefinition<_types_NetworkTokenWithNTI, _types_NetworkTokenWithNTI__Output>
    NmiData: MessageTypeDefinition<_types_NmiData, _types_NmiData__Output>
    PaymentExperience: EnumTypeDefinition
    PaymentMethodType: EnumTypeDefinition
    PaymentMethodUpdate: MessageTypeDefinition<_types_PaymentMethodUpdate, _types_PaymentMethodUpdate__Output>
    PaymentService: SubtypeConstructor<typeof grpc.Client, _types_PaymentServiceClient> & { service: _types_PaymentServiceDefinition }
    PaymentServiceGetRequest: MessageTypeDefinition<_types_PaymentServiceGetRequest, _types_PaymentServiceGetRequest__Output>
    PaymentServiceGetResponse: MessageTypeDefinition<_types_PaymentServiceGetResponse, _types_PaymentServiceGetResponse__Output>
    PaymentStatus: EnumTypeDefinition
    RedirectForm: MessageTypeDefinition<_types_RedirectForm, _types_RedirectForm__Output>
    SecretString: MessageTypeDefinition<_types_SecretString, _types_SecretString__Output>
    SyncRequestType: EnumTypeDefinition
    UnifiedErrorDetails: MessageTypeDefinition<_types_UnifiedErrorDetails, _types_UnifiedErrorDetails__Output>
    UpiConnectorResponse: MessageTypeDefinition<_types_UpiConnectorResponse, _types_UpiConnectorResponse__Output>
    UpiSource: EnumTypeDefinition
    UriData: MessageTypeDefinition<_types_UriData, _types_UriData__Output>
  }
}

