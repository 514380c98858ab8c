import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers. The Content-Security-Policy allows only this server's own
 * origin: the app ships every script, style, font, icon and decoder itself, so a
 * product name that smuggles markup can never load or run anything.
 * `wasm-unsafe-eval` lets the app's own WebAssembly decoder compile; it allows no
 * JavaScript eval. `upgrade-insecure-requests` is left out on purpose: on a
 * warehouse network the server may be reached over plain HTTP by IP address.
 */
export default fp(async function security(app: FastifyInstance, options: { https: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only makes sense, and only works, over HTTPS.
    strictTransportSecurity: options.https ? { maxAge: 180 * 86_400 } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onSend', async (_request, reply) => {
    // The camera is the only powerful feature the app uses, and only from itself.
    void reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=(), payment=()');
  });
});
