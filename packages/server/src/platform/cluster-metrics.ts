import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const requestType = 'signx:metrics-request';
const replyType = 'signx:metrics-reply';
const timeoutMs = 5_000;
let nextRequest = 0;

/**
 * With `serve --workers N` each worker counts its own requests, and a scrape reaches one
 * worker. So a worker answering /metrics asks the primary, which gathers every worker's
 * registry (prom-client's AggregatorRegistry, over the cluster IPC channel) and replies
 * with the sum. Single-process servers answer from their own registry.
 */
export function shareRegistryWithPrimary(registry: Registry): void {
  if (!cluster.isWorker) return;
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry();
}

/** Run in the cluster primary: answers workers' requests for the cluster-wide metrics. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== requestType) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: replyType, id: message.id, text }),
      (error: Error) => worker.send({ type: replyType, id: message.id, error: error.message }),
    );
  });
}

/** The metrics text for a scrape: cluster-wide in a worker, local otherwise. */
export async function metricsText(registry: Registry): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('cluster metrics timed out')), timeoutMs);
    const onMessage = (message: { type?: string; id?: number; text?: string; error?: string }) => {
      if (message?.type !== replyType || message.id !== id) return;
      finish(message.error ? new Error(message.error) : null, message.text);
    };
    function finish(error: Error | null, text?: string) {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (error) reject(error);
      else resolve(text ?? '');
    }
    process.on('message', onMessage);
    process.send?.({ type: requestType, id });
  });
}
