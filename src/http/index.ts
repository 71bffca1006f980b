export { createHttpClient, DEFAULT_MAX_RESPONSE_BYTES, type HttpClient, type HttpClientOptions } from './client.js';
export { TargetError, isTargetError, classifyTransportError, type TargetErrorKind } from './errors.js';
export { parseJsonBody } from './json.js';
export {
  REDACTED,
  SecretLedger,
  registerProcessSecret,
  redactText,
  redactValue,
  redactHeaders,
  redactUrl,
  redactUrlUserInfo,
  redactExchange,
} from './redact.js';
export { withRecording } from './recording.js';
export { toHttpRequest } from './auth.js';
export { curlFor } from './curl.js';
export type { HttpMethod, HttpRequest, HttpResponse, Send } from './types.js';
export { withRetry, parseRetryAfter, IDEMPOTENT_METHODS, type RetryOptions } from './retry.js';
export {
  admitRequest,
  createMemoryGate,
  withRequestGate,
  type Admission,
  type GateLimits,
  type GateState,
  type RequestGate,
} from './requestGate.js';
export { createFileGate, resetGateFile, removeGateFile } from './sharedGate.js';
export { applyTransportPolicy, createPolicyClient, gateFor, type PolicyOptions } from './policy.js';
export type { TransportPolicy } from '../model/runConfig.js';
