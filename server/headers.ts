import type { FastifyInstance } from 'fastify';

/**
 * Content-Security-Policy for the SPA. Codecs are WebAssembly ('wasm-unsafe-eval'), decoding runs in
 * module workers (blob: for Cornerstone's worker bootstrap), and an EHR may embed Fovea only from the
 * origins in `frameAncestors`.
 */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function registerSecurityHeaders(app: FastifyInstance, frameAncestors: string): void {
  const csp = contentSecurityPolicy(frameAncestors);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.removeHeader('x-powered-by');
    reply.removeHeader('server');
    return payload;
  });
}
