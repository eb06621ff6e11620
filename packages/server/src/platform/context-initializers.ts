import type { AppContext } from './app-context.js';

/**
 * Work a module needs done for every AppContext, whoever creates it (the HTTP app, a CLI
 * command, first-start hooks). The audit module registers one when it is imported, so an
 * audit event recorded by `signx admin create` is made with the same keyring-derived
 * settings as one recorded by the server. Registration happens at import time, so the
 * platform never imports modules.
 */
type ContextInitializer = (ctx: AppContext) => void;

const initializers: ContextInitializer[] = [];

export function onContextCreated(initializer: ContextInitializer): void {
  initializers.push(initializer);
}

export function runContextInitializers(ctx: AppContext): void {
  for (const initializer of initializers) initializer(ctx);
}
