export {
  type CallbackCredential,
  type CallbackFailure,
  callbackHeaderNames,
  type SignCallbackOptions,
  signCallback,
  verifyCallback,
} from './callbacks.js';
export {
  createSignxClient,
  type DataOf,
  type SignxClient,
  type SignxClientOptions,
} from './client.js';
export {
  type ErrorEnvelope,
  type FieldError,
  isErrorCode,
  type Page,
  SignxApiError,
  type SuccessEnvelope,
} from './envelope.js';
export { type ErrorCode, errorCodes } from './error-codes.js';
export { items, pages } from './pagination.js';
export type { components, operations, paths } from './schema.js';
export {
  type VerifyOptions,
  verifyWebhook,
  type WebhookEvent,
  type WebhookFailure,
  WebhookVerificationError,
} from './webhooks.js';
