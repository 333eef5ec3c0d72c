/**
 * The entry-point guard of every CLI in scripts/: run `main` only when the file is the one Node
 * was started with (tests import the same modules and call `main` themselves), and turn its
 * result or failure into the process exit code.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function runMain(moduleUrl: string, main: (argv: string[]) => number | Promise<number>): void {
  const started = process.argv[1];
  if (!started || moduleUrl !== pathToFileURL(path.resolve(started)).href) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then((code) => {
      process.exitCode = code;
    }, (e: unknown) => {
      console.error(`Erreur : ${e instanceof Error ? e.message : String(e)}`);
      if (process.env.DEBUG && e instanceof Error) console.error(e.stack);
      process.exitCode = 1;
    });
}
