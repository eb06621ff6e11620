import type { ModuleDefinition } from '../platform/module.js';

/** The modules of SignX, in the order they are installed. */
export const modules: ModuleDefinition[] = [];
