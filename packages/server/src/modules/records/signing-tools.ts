/**
 * The signing module's PDF tools (its one PDF signer, its text PDFs), loaded on first use.
 * Signing imports records (its signatures become Part 11 signatures by policy); a static
 * import back would close a cycle in which whichever module loads second sees the other's
 * exports uninitialised (the server failed to start that way).
 */
export async function signingTools(): Promise<typeof import('../signing/index.js').signing> {
  return (await import('../signing/index.js')).signing;
}
