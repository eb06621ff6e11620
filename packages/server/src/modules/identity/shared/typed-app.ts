import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';

/** The Fastify instance with TypeBox typing, as the small route-registering functions take it. */
export const typed = (api: FastifyInstance) => api.withTypeProvider<TypeBoxTypeProvider>();
export type TypedApp = ReturnType<typeof typed>;
