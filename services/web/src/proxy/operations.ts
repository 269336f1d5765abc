import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The services the page reaches through the BFF, named as in `/api/<service>/…`. */
export const proxiedServices = ['intake', 'referral', 'follow-up', 'mediation', 'projections'] as const;
export type ProxiedService = (typeof proxiedServices)[number];

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** The committed document of a service (services/web/openapi/<service>.json, see openapi/documents.ts). */
export const documentPath = (service: ProxiedService) =>
  fileURLToPath(new URL(`../../openapi/${service}.json`, import.meta.url));

export function readDocument(service: ProxiedService): OpenApiDocument {
  return JSON.parse(readFileSync(documentPath(service), 'utf8')) as OpenApiDocument;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The operations a service publishes, as matchers of method and path: the proxy forwards only
 * these (never its docs, health or anything not in its contract). A parameter is one segment.
 */
export function operationMatcher(document: OpenApiDocument) {
  const operations = Object.entries(document.paths).flatMap(([template, item]) => {
    if (template.startsWith('/docs') || template.startsWith('/health')) return [];
    const pattern = template
      .split('/')
      .map((segment) =>
        /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    const regex = new RegExp(`^${pattern}$`);
    return Object.keys(item)
      .filter((method) => methods.includes(method))
      .map((method) => ({ method: method.toUpperCase(), regex }));
  });
  return (method: string, path: string) =>
    !path.split('/').some((segment) => segment === '.' || segment === '..' || segment.includes('%2F')) &&
    operations.some((op) => op.method === method && op.regex.test(path));
}
