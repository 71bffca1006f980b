import type { RecordedExchange } from '../model/checkRecord.js';
import { shellQuote } from './shellQuote.js';

/** A shell-safe curl line for a recorded (already redacted) request. */
export function curlFor(request: RecordedExchange['request']): string {
  const parts = ['curl', '-sS', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== undefined) {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    parts.push('--data-raw', shellQuote(text));
  }
  return parts.join(' ');
}
