// A send that can never succeed (the number is not on Zalo, the template is wrong, the commune has no account): the
// outbox handler marks the delivery failed at once instead of retrying it for hours.
export class PermanentChannelError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "PermanentChannelError";
  }
}
