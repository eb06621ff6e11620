export const localeCodes: string[];
export function moduleLocales(root?: string): { name: string; dir: string; sections: string[] }[];
export function planModuleLocales(
  root?: string,
  options?: { apply?: boolean },
): { module: string; locale: string; keys: string[] }[];
export function componentsWithoutMessages(root?: string, options?: { apply?: boolean }): string[];
