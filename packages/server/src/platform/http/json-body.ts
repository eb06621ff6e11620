import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { isCallbackRoute } from './callback-access.js';

/**
 * The position of the bracket that opens level `maxDepth + 1` of a JSON text, or -1 when
 * the text never nests that deep. One pass that stops at the first violation, skipping
 * string contents (escapes included), so a hostile `[[[[…` costs only `maxDepth` steps
 * and never reaches the recursive parser.
 */
export function firstDepthViolation(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return -1;
}

/**
 * Replaces Fastify's JSON body parser with one that refuses bodies nested deeper than
 * `maxDepth` (40001) before parsing them; the rest (prototype-poisoning protection, empty
 * bodies) is Fastify's own parser.
 */
export function installJsonBodyParser(app: FastifyInstance, maxDepth: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (firstDepthViolation(text, maxDepth) >= 0) {
      done(
        new AppError('VALIDATION', 'The request is not valid', {
          fieldErrors: [{ field: 'body', message: `JSON must not be nested deeper than ${maxDepth} levels` }],
        }),
        undefined,
      );
      return;
    }
    if (isCallbackRoute(request)) request.rawBody = text;
    parse(request, text, done);
  });
}
