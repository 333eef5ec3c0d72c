/**
 * Replacing a served folder (public/data) whole, with no moment where it is missing or half
 * written, whatever happens to the process.
 *
 * The served path is a symbolic link to a complete version folder kept in a store outside it
 * (default `.donnees-construction/` at the repository root, so neither Vite nor a deployment ever
 * sees temporary files). A new version is written beside the others, a new link to it is made,
 * and rename(2) puts that link over the served one: one atomic step, readers see the old folder or
 * the new one. Node has no renameat2(RENAME_EXCHANGE), which would swap two real folders; a link
 * is also what Vite follows (its dev server reads through it, `vite build` copies the files).
 *
 * One build at a time per served folder: a lock file holds the builder's process id; a second
 * build waits for it, and takes the lock over when that process no longer exists (killed).
 * Leftovers of a killed build (unlinked versions, temporary links) are removed by the next one;
 * the previous version stays until then, so a reader that already resolved the old link can
 * finish reading it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod, lstat, mkdir, open, readFile, readdir, readlink, rename, rm, stat, symlink, unlink, writeFile,
} from 'node:fs/promises';
import path from 'node:path';

/** The steps of writeAtomically, in order; a hook may stop the process after any of them. */
export const STEPS = ['verrou', 'nettoyage', 'ecriture', 'lien', 'bascule'] as const;
export type Step = (typeof STEPS)[number];

export interface AtomicOptions {
  /** Folder holding the versions, temporary links and locks. */
  store: string;
  /** Called after each step (tests stop the process there to check nothing is ever half done). */
  onStep?: (step: Step) => void | Promise<void>;
  /** How long to wait for another build of the same folder, in ms (default 10 minutes). */
  lockTimeoutMs?: number;
  /** Told once when waiting for another build. */
  onWait?: (message: string) => void;
}

export class LockTimeoutError extends Error {}

const LOCK = 'verrou';
const TARGET = 'cible.txt';

/** Store folder of one served path: its name and a hash of its absolute path. */
function slotOf(store: string, target: string): string {
  const hash = createHash('sha1').update(target).digest('hex').slice(0, 8);
  return path.join(store, `${path.basename(target)}-${hash}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Process id written in a lock file, or undefined when there is none (or it is unreadable). */
async function lockHolder(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    if (Number.isInteger(pid) && pid > 0) return pid;
    // Empty: just created and not yet written, or its writer was killed in between (stale).
    return Date.now() - (await stat(file)).mtimeMs > 10_000 ? -1 : 0;
  } catch {
    return undefined;
  }
}

async function acquireLock(slot: string, target: string, options: AtomicOptions): Promise<() => Promise<void>> {
  const file = path.join(slot, LOCK);
  const deadline = Date.now() + (options.lockTimeoutMs ?? 600_000);
  let told = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = await lockHolder(file);
    if (pid === undefined) continue;
    // A lock left by a process that no longer exists (killed) is taken over. A lock whose pid is
    // not written yet (0) is being taken: wait.
    if (pid === -1 || (pid > 0 && !processExists(pid))) {
      await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(`une autre construction des données (processus ${pid}) écrit déjà ${target} : réessayez quand elle sera finie (si ce processus n’existe plus, supprimez ${file})`);
    }
    if (!told) {
      options.onWait?.(`${target} : une autre construction des données (processus ${pid}) est en cours, attente de sa fin…`);
      told = true;
    }
    await sleep(100);
  }
}

/** Where the served link points (absolute), or undefined when it is not a link. */
async function linkTarget(target: string): Promise<string | undefined> {
  try {
    return path.resolve(path.dirname(target), await readlink(target));
  } catch {
    return undefined;
  }
}

/** Removes what killed builds left in this slot: every version but the served one, temporary links. */
async function cleanSlot(slot: string, live: string | undefined): Promise<void> {
  for (const name of await readdir(slot)) {
    if (name === LOCK || name === TARGET) continue;
    const entry = path.join(slot, name);
    if (entry !== live) await rm(entry, { recursive: true, force: true });
  }
}

/** Removes the slots of served folders that no longer exist (test folders, moved outputs). */
async function cleanStore(store: string, own: string): Promise<void> {
  for (const name of await readdir(store)) {
    const slot = path.join(store, name);
    if (slot === own) continue;
    const served = await readFile(path.join(slot, TARGET), 'utf8').catch(() => undefined);
    if (served === undefined || existsSync(served)) continue;
    const pid = await lockHolder(path.join(slot, LOCK));
    if (pid === 0 || (pid !== undefined && pid > 0 && processExists(pid))) continue;
    await rm(slot, { recursive: true, force: true });
  }
}

/**
 * Writes a new version of `outDir` with `write` (given an empty folder), then makes `outDir` a
 * link to it in one atomic rename. On error nothing changes for readers.
 */
export async function writeAtomically(outDir: string, write: (dir: string) => Promise<void>, options: AtomicOptions): Promise<void> {
  const target = path.resolve(outDir);
  const store = path.resolve(options.store);
  const slot = slotOf(store, target);
  await mkdir(slot, { recursive: true });
  await mkdir(path.dirname(target), { recursive: true });
  const step = async (s: Step) => options.onStep?.(s);

  const release = await acquireLock(slot, target, options);
  try {
    await step('verrou');
    await writeFile(path.join(slot, TARGET), target);
    const previous = await linkTarget(target);
    await cleanSlot(slot, previous);
    await cleanStore(store, slot);
    await step('nettoyage');

    const version = path.join(slot, `v-${new Date().toISOString().replace(/[:.]/gu, '-')}-${process.pid}`);
    await mkdir(version);
    // The output is served to everyone.
    await chmod(version, 0o755);
    await write(version);
    await step('ecriture');

    await switchLink(target, version, slot, step);
    await step('bascule');
  } finally {
    await release();
  }
}

/** Points `target` at `version`: a new link renamed over the old one (atomic). */
async function switchLink(target: string, version: string, slot: string, step: (s: Step) => Promise<void>): Promise<void> {
  const stat = await lstat(target).catch(() => undefined);
  if (stat && !stat.isSymbolicLink()) {
    // A real folder from before links were used (or made by hand): moved into the store once.
    // rename cannot put a link over a folder, so this one time the path is missing for an instant.
    await rename(target, path.join(slot, `ancien-${process.pid}`));
  }
  if (process.platform === 'win32') {
    // Windows cannot rename a link over another: remove, then link (a junction needs no rights).
    await rm(target, { force: true });
    await symlink(version, target, 'junction');
    return;
  }
  // Relative, so the repository can be moved or mounted elsewhere.
  const relative = path.relative(path.dirname(target), version);
  let link = path.join(slot, `lien-${process.pid}`);
  await rm(link, { force: true });
  await symlink(relative, link);
  await step('lien');
  try {
    await rename(link, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    // Store on another file system than the target: make the link beside the target instead.
    await rm(link, { force: true });
    link = path.join(path.dirname(target), `.${path.basename(target)}.lien-${process.pid}`);
    await rm(link, { force: true });
    await symlink(relative, link);
    await rename(link, target);
  }
}
