import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import type { ProtoGrpcType } from './__generated__/payment_get.js';

/**
 * The vendored connector-service proto (proto/ucs, see its README). It sits three levels above this
 * file both in src/providers/ucs and in the build's dist/src/providers/ucs (the build copies it).
 */
export const UCS_PROTO_FILE = fileURLToPath(new URL('../../../proto/ucs/payment_get.proto', import.meta.url));

/**
 * Must match the generator flags in package.json (`codegen:proto`). `longs: String` keeps int64
 * amounts exact (docs/providers.md, UCS "int64"); `enums: String` gives the enum names the generated types use.
 */
export const UCS_LOADER_OPTIONS: protoLoader.Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

let loaded: ProtoGrpcType | undefined;

export function ucsGrpcPackage(): ProtoGrpcType {
  loaded ??= grpc.loadPackageDefinition(protoLoader.loadSync(UCS_PROTO_FILE, UCS_LOADER_OPTIONS)) as unknown as ProtoGrpcType;
  return loaded;
}

let root: protobuf.Root | undefined;

/** The error-detail messages (`types.ConnectorError`, `types.IntegrationError`) sent in `grpc-status-details-bin`. */
export function ucsErrorDetailType(name: 'ConnectorError' | 'IntegrationError'): protobuf.Type {
  root ??= protobuf.loadSync(UCS_PROTO_FILE);
  return root.lookupType(`types.${name}`);
}
