/**
 * The current signing session, in memory only (never storage): a reload, another tab or
 * signing out starts with the full ceremony again. Kept per user so a different sign-in in
 * the same tab never continues someone else's session.
 */
let current: { userId: string; sessionId: string } | null = null;

export function signingSessionOf(userId: string): string | null {
  return current?.userId === userId ? current.sessionId : null;
}

export function keepSigningSession(userId: string, sessionId: string): void {
  current = { userId, sessionId };
}

export function forgetSigningSession(): void {
  current = null;
}
