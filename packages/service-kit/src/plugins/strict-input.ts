import type { FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import { defaultInputBounds, type InputBounds, strictRouteSchema } from '../validation/strict-schema.ts';
import { strictValidatorCompiler } from '../validation/validator.ts';

export interface StrictInputOptions {
  bounds?: Partial<InputBounds>;
}

/**
 * Strict input on every route, set here rather than by each route: the route's schema is made
 * strict when it is registered (unknown properties and query parameters refused, strings, arrays
 * and numbers bounded; see strictRouteSchema), so the OpenAPI document says what is refused, and
 * validated without coercion (see strictValidatorCompiler). Register before any route and before
 * the OpenAPI plugin, whose route hook must see the strict schemas.
 */
export const strictInputPlugin = fp<StrictInputOptions>(
  async (app, options) => {
    const bounds = { ...defaultInputBounds, ...options.bounds };
    app.setValidatorCompiler(strictValidatorCompiler());
    app.addHook('onRoute', (route) => {
      // Hidden routes are the documentation's own (Swagger UI's static files).
      if (route.schema?.hide) return;
      route.schema = strictRouteSchema(
        route.schema as Record<string, unknown>,
        route.url,
        bounds,
      ) as FastifySchema;
    });
    // A JSON route would receive a text/plain body as a string and fail on it as a wrong type; a
    // wrong content type is 415. Routes that take text declare their own parser (see mass events).
    app.removeContentTypeParser('text/plain');
  },
  { name: 'parcours-strict-input', fastify: '5.x' },
);
