import express, { type RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The built admin app's assets (dist/client/assets, under /assets). Their
 * names carry a hash of their content, so browsers keep them a year without
 * asking again; a browser that takes brotli or gzip gets the copy the build
 * made (vite.config.ts), with `Vary: Accept-Encoding`. A name that is not
 * there is 404: a tab left open across a release asks for the old chunks,
 * and the app's page in their place would fail as a script of the wrong type.
 * The compressed copies are listed once, at start: a build written under a
 * running server is sent uncompressed until the server restarts.
 */
export function staticAssets(dir: string): RequestHandler {
  const router = express.Router();
  router.use(
    expressStaticGzip(dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: { index: false, immutable: true, maxAge: '365d', fallthrough: true },
    }),
  );
  router.use((_req, res) => {
    res.status(404).type('text').send('Not found');
  });
  return router;
}
