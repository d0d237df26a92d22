// Original file: proto/ucs/payment_get.proto

import type { ConnectorMandateReferenceId as _types_ConnectorMandateReferenceId, ConnectorMandateReferenceId__Output as _types_ConnectorMandateReferenceId__Output } from '../types/ConnectorMandateReferenceId.js';
import type { NetworkTokenWithNTI as _types_NetworkTokenWithNTI, NetworkTokenWithNTI__Output as _types_NetworkTokenWithNTI__Output } from '../types/NetworkTokenWithNTI.js';

export interface MandateReference {
  'connector_mandate_id'?: (_types_ConnectorMandateReferenceId | null);
  'network_mandate_id'?: (string);
  'network_token_with_nti'?: (_types_NetworkTokenWithNTI | null);
  'mandate_id_type'?: "connector_mandate_id"|"network_mandate_id"|"network_token_with_nti";
}

export interface MandateReference__Output {
  'connector_mandate_id'?: (_types_ConnectorMandateReferenceId__Output | null);
  'network_mandate_id'?: (string);
  'network_token_with_nti'?: (_types_NetworkTokenWithNTI__Output | null);
  'mandate_id_type'?: "connector_mandate_id"|"network_mandate_id"|"network_token_with_nti";
}
