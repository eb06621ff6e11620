import { v7 as uuidv7 } from 'uuid';

/** A new row id: UUIDv7, made by the application so no dialect's RETURNING is needed and ids sort by time. */
export function newId(): string {
  return uuidv7();
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isId(value: string): boolean {
  return uuidPattern.test(value);
}
