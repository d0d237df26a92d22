import * as grpc from '@grpc/grpc-js';

/** How a unary call ended: its one message, or the status it failed with, typed (it never rejects). */
export type UnaryOutcome<Response> = { readonly ok: true; readonly response: Response } | { readonly ok: false; readonly error: grpc.ServiceError };

/** A unary call in flight: how it will end, and how to give up on it. */
export interface UnaryCall<Response> {
  readonly outcome: Promise<UnaryOutcome<Response>>;
  cancel(): void;
}

/**
 * One unary call made on the channel itself, as grpc-js's `Client.makeUnaryRequest` makes it
 * (grpc-js `src/client.ts` and `src/client-interceptors.ts`, `BaseUnaryInterceptingCall`), without
 * what this service does not use: the interceptor chain, the `EventEmitter` call object, and the
 * `new Error()` that the client captures on every call for the caller's stack. Each of those lives
 * for the whole call, so a batch's calls were promoted together. The statuses are the client's, and
 * so is the shape of the errors: `code`, `details` and `metadata` on an `Error` (`grpc.ServiceError`).
 */
export function startUnaryCall<Request, Response>(
  channel: grpc.ChannelInterface,
  method: grpc.MethodDefinition<Request, Response>,
  request: Request,
  metadata: grpc.Metadata,
  deadline: grpc.Deadline,
): UnaryCall<Response> {
  const call = channel.createCall(method.path, deadline, undefined, null, undefined);
  const outcome = new Promise<UnaryOutcome<Response>>((settle) => {
    let message: { readonly value: Response } | undefined;
    // A message that cannot be read ends the call with this status instead of the server's.
    let unreadable: grpc.StatusObject | undefined;
    call.start(metadata, {
      onReceiveMetadata() {
        // Response headers carry nothing this service reads; the trailers come with the status.
      },
      onReceiveMessage(bytes: Buffer) {
        if (message) {
          call.cancelWithStatus(grpc.status.UNIMPLEMENTED, 'Too many responses received');
          return;
        }
        try {
          message = { value: method.responseDeserialize(bytes) };
        } catch (error) {
          unreadable = { code: grpc.status.INTERNAL, details: `Response message parsing error: ${messageOf(error)}`, metadata: new grpc.Metadata() };
          call.cancelWithStatus(unreadable.code, unreadable.details);
        }
      },
      onReceiveStatus(received) {
        const status = unreadable ?? received;
        if (status.code !== grpc.status.OK) settle({ ok: false, error: serviceError(status) });
        else if (!message) settle({ ok: false, error: serviceError({ code: grpc.status.UNIMPLEMENTED, details: 'No message received', metadata: status.metadata }) });
        else settle({ ok: true, response: message.value });
      },
    });
  });
  let serialized: Buffer;
  try {
    serialized = method.requestSerialize(request);
  } catch (error) {
    call.cancelWithStatus(grpc.status.INTERNAL, `Request message serialization failure: ${messageOf(error)}`);
    return { outcome, cancel: () => undefined };
  }
  call.sendMessageWithContext({}, serialized);
  call.halfClose();
  call.startRead();
  return {
    outcome,
    cancel() {
      call.cancelWithStatus(grpc.status.CANCELLED, 'Cancelled on client');
    },
  };
}

/** The error grpc-js's client makes of a status (`callErrorFromStatus`), without the caller's stack. */
function serviceError(status: grpc.StatusObject): grpc.ServiceError {
  return Object.assign(new Error(`${String(status.code)} ${grpc.status[status.code]}: ${status.details}`), status);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
