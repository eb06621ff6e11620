/**
 * Why a conversion failed, as the pool reports it. Platform code cannot raise a module's
 * domain codes, so callers map `reason` to theirs (document-templates: 42251 and 50351).
 */
export type ConvertFailure =
  /** The file took longer than the per-file timeout; the worker was killed and restarted. */
  | 'timeout'
  /** LibreOffice died while converting this file; the worker was restarted. */
  | 'crashed'
  /** The worker passed its memory limit on this file; it was killed and restarted. */
  | 'memory'
  /** LibreOffice could not open or export the file (damaged, unsupported). */
  | 'unreadable'
  /** The file type is not one the pool converts (macro formats never are). */
  | 'unsupported_type'
  /** The pool is closed or could not start a worker. */
  | 'unavailable';

export class ConvertError extends Error {
  constructor(
    readonly reason: ConvertFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ConvertError';
  }
}
