/** Why a request got no usable response. Suites turn these into `error` verdicts, never into findings. */
/** `budget`: the run's request budget (`--max-requests`) is spent, so the request was never sent. */
export type TargetErrorKind = 'timeout' | 'refused' | 'reset' | 'too-large' | 'dns' | 'budget' | 'other';

export class TargetError extends Error {
  constructor(
    readonly kind: TargetErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

export function isTargetError(error: unknown): error is TargetError {
  return error instanceof TargetError || (error instanceof Error && error.name === 'TargetError' && 'kind' in error);
}

const KIND_BY_CODE: Readonly<Record<string, TargetErrorKind>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'too-large',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string' && own !== 'UND_ERR') return own;
  // fetch-style wrappers keep the socket error in `cause`.
  return errorCode((error as { cause?: unknown }).cause);
}

/** Maps whatever undici or the socket threw to a TargetError naming the request. */
export function classifyTransportError(error: unknown, what: string, timeoutMs: number): TargetError {
  if (isTargetError(error)) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TargetError('timeout', `${what}: no complete response within ${timeoutMs} ms`);
  }
  const code = errorCode(error);
  const kind: TargetErrorKind = (code !== undefined ? KIND_BY_CODE[code] : undefined) ?? 'other';
  const detail = error instanceof Error ? error.message : String(error);
  const describe: Record<TargetErrorKind, string> = {
    timeout: `no complete response within ${timeoutMs} ms`,
    refused: 'connection refused',
    reset: 'connection reset or closed by the target',
    'too-large': 'response too large',
    dns: 'host name not found',
    budget: 'request budget exhausted',
    other: 'request failed',
  };
  return new TargetError(kind, `${what}: ${describe[kind]} (${code ?? (name || 'error')}: ${detail})`);
}
