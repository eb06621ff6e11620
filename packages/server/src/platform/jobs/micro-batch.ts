/**
 * Collects calls made in the same turn of the event loop and serves them with one call of
 * `run` (one transaction instead of hundreds), resolving each caller with its own result.
 * Used where many concurrent workers would otherwise each hit the database alone.
 */
export function microBatch<K, R>(
  run: (keys: K[]) => Promise<Map<K, R>>,
  fallback: R,
  maxSize = 500,
): (key: K) => Promise<R> {
  let pending: { key: K; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    for (let i = 0; i < batch.length; i += maxSize) {
      const slice = batch.slice(i, i + maxSize);
      run(slice.map((p) => p.key)).then(
        (results) => {
          for (const p of slice) p.resolve(results.get(p.key) ?? fallback);
        },
        (error: unknown) => {
          for (const p of slice) p.reject(error);
        },
      );
    }
  };
  return (key) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ key, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
