/**
 * Data folders for the browser tests of contributions, laureates and editions: a source folder
 * (tests/fixtures/contributions, or a copy the test changes) built by the project's own data
 * build into a temporary folder, served with openApp('/', { dataDir }).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { main as buildData } from '../../scripts/build-data';
import { repoRoot } from './harness';

export const CONTRIBUTIONS_FIXTURE = path.join(repoRoot, 'tests/fixtures/contributions');

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function workFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A copy of a source data folder, to change. */
export function copyOf(source: string, into: string): string {
  cpSync(source, into, { recursive: true });
  return into;
}

/** Builds `source` with `npm run data`'s own code into `out` (throws with its messages if it fails). */
export async function built(source: string, out: string): Promise<string> {
  const lines: string[] = [];
  const code = await buildData(['--data-dir', source, '--out', out, '--store', `${out}-magasin`], {
    stdout: (l) => lines.push(l), stderr: (l) => lines.push(l),
  });
  if (code !== 0) throw new Error(`construction des données de test impossible :\n${lines.join('\n')}`);
  return out;
}
