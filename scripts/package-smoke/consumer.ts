// Type-checked, never run: check-packages.mjs copies this file into the scratch project as .mts and .cts and runs
// tsc on it under moduleResolution node16, bundler and node10. Every public entry point must resolve to real
// types (the @ts-expect-error lines fail if anything degrades to `any`).
import { FrameioClient, FrameioError, NotFoundError, type Schema } from "@frameio-sdk/client";
import { type OperationSpec, operationTable } from "@frameio-sdk/client/operations";
import { ServerToServerAuth, signWebhook, verifyWebhook, type WebhookEvent } from "@frameio-sdk/kit";
import { openPathSource, platformPartSender } from "@frameio-sdk/kit/platform";
import { bytesSource, type UploadProgress } from "@frameio-sdk/kit/upload";
import type { OperationId } from "@frameio-sdk/types";

export async function smoke(baseUrl: string): Promise<string> {
  const auth = new ServerToServerAuth({ clientId: "client-id", clientSecret: "client-secret" });
  const client = new FrameioClient({ baseUrl, token: auth });

  const row: OperationSpec | undefined = operationTable["users.show"];
  // @ts-expect-error method is an HTTP method
  const method: number | undefined = row?.method;

  const me = await client.users.show();
  const email: string = me.data.email;
  // @ts-expect-error a profile has no file_size
  void me.data.file_size;
  // @ts-expect-error account_id is required
  void client.files.show({ file_id: "f" });
  // @ts-expect-error no such resource group
  void client.nothing;

  try {
    await client.files.show({ account_id: "a", file_id: "f" });
  } catch (error) {
    if (error instanceof NotFoundError) return `${error.status}`;
    if (error instanceof FrameioError) return error.name;
  }

  const headers = await signWebhook({ secret: "webhook-secret", body: "{}" });
  const event = await verifyWebhook<WebhookEvent<"file.ready">>({ secret: "webhook-secret", rawBody: "{}", headers });
  const type: "file.ready" = event.type;
  // @ts-expect-error the event type is narrowed
  const other: "file.deleted" = event.type;

  const source = await openPathSource("./reel.mov");
  const sender = platformPartSender;
  const bytes: number = bytesSource(new Uint8Array(4)).size;
  // @ts-expect-error bytesSent is a number
  const progress: UploadProgress = { bytesSent: "0", totalBytes: 4, partsCompleted: 0, totalParts: 1 };
  const user: Schema<"User"> | undefined = undefined;
  const operation: OperationId = "users.show";
  return [
    email,
    type,
    other,
    String(source),
    String(sender),
    bytes,
    String(progress),
    String(user),
    operation,
    String(method),
  ].join();
}
