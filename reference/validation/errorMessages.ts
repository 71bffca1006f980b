import type { ErrorObject } from 'ajv';

/**
 * ajv errors as sentences that start with the field they are about (`name must be string`,
 * `device_authorization.approval_uri is required`), deduplicated. `body` stands for the whole body.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  const specific = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  const chosen = specific.length > 0 ? specific : errors;
  const messages = chosen.map(describe);
  return [...new Set(messages.length > 0 ? messages : ['body is not valid'])];
}

function describe(error: ErrorObject): string {
  const field = fieldName(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${join(field, String(params['missingProperty']))} is required`;
    case 'additionalProperties':
      return `${field} has a field that is not allowed: ${String(params['additionalProperty'])}`;
    case 'enum':
      return `${field} must be one of: ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${field} must be ${JSON.stringify(params['allowedValue'])}`;
    default:
      return `${field} ${error.message ?? 'is not valid'}`;
  }
}

/** `/device_authorization/enabled` → `device_authorization.enabled`; `/redirect_uris/0` → `redirect_uris[0]`. */
function fieldName(instancePath: string): string {
  if (instancePath === '') return 'body';
  const path = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
  return path.startsWith('[') ? `body${path}` : path;
}

function join(parent: string, child: string): string {
  return parent === 'body' ? child : `${parent}.${child}`;
}
