import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grpcFailure } from '../../src/providers/ucs/client.js';
import { startUnaryCall, type UnaryOutcome } from '../../src/providers/ucs/unary-call.js';
import { listenOnFreePort } from '../helpers/grpc-server.js';

// A JSON echo service: the test's own wire format, so the server can also send bytes no client can read.
const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer) => JSON.parse(bytes.toString()) as { readonly echo: string },
};
const method = (path: string): grpc.MethodDefinition<{ readonly say: string }, { readonly echo: string }> => ({
  path,
  requestStream: false,
  responseStream: false,
  requestSerialize: json.serialize,
  requestDeserialize: json.deserialize as never,
  responseSerialize: json.serialize,
  responseDeserialize: json.deserialize,
});

describe('startUnaryCall (a unary call straight on the channel)', () => {
  const server = new grpc.Server();
  let client: grpc.Client;

  beforeAll(async () => {
    const unary = (path: string, handler: grpc.handleUnaryCall<{ say: string }, unknown>, serialize: (value: unknown) => Buffer = json.serialize) =>
      server.register(path, handler, serialize, (bytes: Buffer) => JSON.parse(bytes.toString()) as { say: string }, 'unary');
    unary('/test.Echo/Say', (call, callback) => {
      callback(null, { echo: call.request.say });
    });
    unary('/test.Echo/Fail', (_call, callback) => {
      const trailers = new grpc.Metadata();
      trailers.set('x-why', 'because');
      callback({ code: grpc.status.UNAVAILABLE, details: 'connector down', metadata: trailers });
    });
    unary('/test.Echo/Garbage', (_call, callback) => {
      callback(null, {});
    }, () => Buffer.from('not json'));
    unary('/test.Echo/Never', () => {
      // never answers: the caller's deadline or cancellation ends it
    });
    const port = await listenOnFreePort(server);
    client = new grpc.Client(`127.0.0.1:${String(port)}`, grpc.credentials.createInsecure());
  });

  afterAll(() => {
    client.close();
    server.forceShutdown();
  });

  const call = (path: string, deadlineMs = 5_000) => startUnaryCall(client.getChannel(), method(path), { say: 'hello' }, new grpc.Metadata(), Date.now() + deadlineMs);
  const failed = (outcome: UnaryOutcome<unknown>) => {
    if (outcome.ok) throw new Error('expected the call to fail');
    return outcome.error;
  };

  it('answers with the one message the server sent', async () => {
    expect(await call('/test.Echo/Say').outcome).toEqual({ ok: true, response: { echo: 'hello' } });
  });

  it("fails with the server's status as grpc-js's client shapes it: code, details, trailers, message", async () => {
    const error = failed(await call('/test.Echo/Fail').outcome);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(grpc.status.UNAVAILABLE);
    expect(error.details).toBe('connector down');
    expect(error.metadata.get('x-why')).toEqual(['because']);
    expect(error.message).toBe('14 UNAVAILABLE: connector down');
  });

  it('turns a message it cannot read into INTERNAL "Response message parsing error", which reads as a bad response', async () => {
    const error = failed(await call('/test.Echo/Garbage').outcome);
    expect(error.code).toBe(grpc.status.INTERNAL);
    expect(error.details).toMatch(/^Response message parsing error: /);
    expect(grpcFailure(error, false).code).toBe('PROVIDER_BAD_RESPONSE');
  });

  it('ends at its deadline with DEADLINE_EXCEEDED', async () => {
    expect(failed(await call('/test.Echo/Never', 50).outcome).code).toBe(grpc.status.DEADLINE_EXCEEDED);
  });

  it('ends when cancelled with CANCELLED', async () => {
    const pending = call('/test.Echo/Never');
    pending.cancel();
    expect(failed(await pending.outcome).code).toBe(grpc.status.CANCELLED);
  });
});
