import * as grpc from '@grpc/grpc-js';

/** Binds a test's gRPC server to a free loopback port, without TLS, and resolves with the port. */
export function listenOnFreePort(server: grpc.Server): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => {
      if (error) reject(error);
      else resolve(bound);
    });
  });
}
