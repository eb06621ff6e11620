import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Which worker process of a `serve --workers N` cluster holds the server side of a client's
 * TCP connection, read from Linux's /proc: the connection's socket inode (from
 * /proc/net/tcp{,6}, by the server port and the client's local port) and the child of the
 * primary whose file descriptors include that socket. Lets a test put two clients on two
 * different workers on purpose instead of hoping the scheduler did.
 */
export function workersOf(primaryPid: number): number[] {
  const exe = (pid: number | string) => {
    try {
      return readlinkSync(`/proc/${pid}/exe`);
    } catch {
      return undefined;
    }
  };
  // Children running the primary's own executable: the workers (not a loader's helper, e.g. esbuild).
  const node = exe(primaryPid);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent; the name in field 2 may hold spaces.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === primaryPid;
      } catch {
        return false;
      }
    })
    .filter((pid) => exe(pid) === node)
    .map(Number);
}

function socketInode(serverPort: number, clientPort: number): string | undefined {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, remote, inode] = [fields[1], fields[2], fields[9]];
      if (local?.endsWith(`:${hex(serverPort)}`) && remote?.endsWith(`:${hex(clientPort)}`)) return inode;
    }
  }
  return undefined;
}

export function workerHolding(
  primaryPid: number,
  serverPort: number,
  clientPort: number,
): number | undefined {
  const inode = socketInode(serverPort, clientPort);
  if (!inode) return undefined;
  return workersOf(primaryPid).find((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
}
