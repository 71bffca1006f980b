import type { RecordedExchange } from '../model/checkRecord.js';

/** A shell-safe curl line for a recorded (already redacted) request. */
export function curlFor(request: RecordedExchange['request']): string {
  const parts = ['curl', '-sS', '-X', request.method, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) {
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    parts.push('--data-raw', quote(text));
  }
  return parts.join(' ');
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
