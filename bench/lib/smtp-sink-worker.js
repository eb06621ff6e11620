// The loopback SMTP sink's server, on its own thread: a real mail server never shares the
// sender's event loop, so neither the product nor the baseline pays for parsing its own
// mail. Counts accepted messages into the shared counter it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';

const counter = new Int32Array(workerData.counter);
const server = new SMTPServer({
  logger: false,
  authOptional: true,
  // No reverse DNS lookup of each client, no AUTH or STARTTLS: nothing but SMTP itself.
  disableReverseLookup: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      Atomics.add(counter, 0, 1);
      callback();
    });
  },
});
// Nagle off on the sink's side too, so its replies never wait on a delayed ACK.
server.server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'close') server.close(() => parentPort.postMessage({ closed: true }));
});
