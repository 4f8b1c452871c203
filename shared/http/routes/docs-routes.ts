import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';

export type DocsAssets = (name: 'swagger-ui.css' | 'swagger-ui-bundle.js') => Promise<string | undefined>;

/**
 * SPDX has no id for closed licences; `LicenseRef-` is its form for one of your own. (The library's
 * config type is OpenAPI 3.0's, which lacks `identifier`; a named value passes where a literal would not.)
 */
const LICENCE = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' };

/**
 * OpenAPI 3.1 generated from the zod schemas, and Swagger UI served from our own origin (no CDN):
 * bank networks often block third-party script hosts.
 */
export function docsRoutes(app: OpenAPIHono<AppEnv>, assets: DocsAssets | undefined) {
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Redress API',
      version: '1.0.0',
      description: 'Complaint handling for banks and insurers. Errors: `{"error": {"code", "message", "details"?}}`.',
      license: LICENCE,
    },
    // Relative: the document is served by the API it describes, on whatever host and port that is.
    servers: [{ url: '/', description: 'This deployment' }],
    security: [{ bearer: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  if (!assets) return;

  app.get('/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Redress API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-init.js"></script>
</body></html>`),
  );
  // A file of its own, not an inline script: the page's CSP allows scripts from this origin only.
  app.get('/docs/swagger-init.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body("window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });\n");
  });
  for (const name of ['swagger-ui.css', 'swagger-ui-bundle.js'] as const) {
    app.get(`/docs/${name}`, async (c) => {
      const body = await assets(name);
      if (body === undefined) return c.notFound();
      c.header('Content-Type', name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(body);
    });
  }
}
