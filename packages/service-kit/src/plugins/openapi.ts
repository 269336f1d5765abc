import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export interface OpenApiOptions {
  title: string;
  version?: string;
  description?: string;
  /** Where Swagger UI is served; its JSON document is at `${prefix}/json`. */
  prefix?: string;
}

/**
 * OpenAPI 3.1 generated from the route schemas, with a bearer security scheme required by
 * default (public routes declare `security: []`). The documentation routes themselves are public.
 */
export const openApiPlugin = fp<OpenApiOptions>(
  async (app, options) => {
    const prefix = options.prefix ?? '/docs';
    app.addHook('onRoute', (route) => {
      if (route.url === prefix || route.url.startsWith(`${prefix}/`)) {
        route.config = { ...route.config, public: true };
      }
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: options.title,
          version: options.version ?? '0.1.0',
          ...(options.description ? { description: options.description } : {}),
        },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
        security: [{ bearerAuth: [] }],
      },
    });
    await app.register(swaggerUi, { routePrefix: prefix });
  },
  { name: 'parcours-openapi', fastify: '5.x' },
);
