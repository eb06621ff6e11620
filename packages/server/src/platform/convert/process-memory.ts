import { readdir, readFile } from 'node:fs/promises';

/**
 * Resident memory of a process and all its descendants, from /proc. The worker tree is
 * python → soffice (oosplash) → soffice.bin; soffice.bin is where the memory goes, but its pid
 * is not the one we spawned, so the whole tree is summed. Returns 0 when /proc is missing.
 */
export async function treeResidentBytes(rootPid: number): Promise<number> {
  let total = 0;
  const pending = [rootPid];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += await residentBytes(pid);
    pending.push(...(await childrenOf(pid)));
  }
  return total;
}

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

/** Children of every thread: a child started from a thread is listed under that thread only. */
async function childrenOf(pid: number): Promise<number[]> {
  const threads = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    threads.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')),
  );
  return lists
    .join(' ')
    .split(/\s+/)
    .filter((part) => part !== '')
    .map(Number);
}
