/**
 * The output folder is replaced whole, never missing or half written: it is a link switched by
 * one rename (src/build/atomicFolder.ts). Checked by killing the build after each step, by two
 * builds at once, and by Vite reading through the link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, createServer } from 'vite';
import { main } from '../../scripts/build-data';
import { STEPS } from '../../src/build/atomicFolder';
import { outputEntries } from '../../src/build/writeOutputs';
import type { BuildReport } from '../../src/domain/types';

const root = path.resolve(__dirname, '../..');
const valides = path.join(root, 'tests/fixtures/donnees-valides');
const shipped = path.join(root, 'data');
let work: string;
/** Innovations of the shipped data folder, the other content the builds switch between. */
let shippedCount: number;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sortie-atomique-'));
  const reference = path.join(work, 'reference', 'data');
  expect((await run(['--data-dir', shipped, '--out', reference, '--store', path.join(work, 'magasin-reference')])).code).toBe(0);
  shippedCount = completeOutput(reference);
  expect(shippedCount).toBeGreaterThan(5);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(argv: string[], options = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) }, options);
  return { code, stdout, stderr };
}

/** Number of innovations written in the output folder; throws when the folder is not complete. */
function completeOutput(out: string): number {
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BuildReport;
  const count = report.files['innovations.csv']!.written;
  expect(readdirSync(out).sort()).toEqual(outputEntries(count).sort());
  const ids = JSON.parse(readFileSync(path.join(out, 'identifiants.json'), 'utf8')) as string[];
  expect(ids).toHaveLength(count);
  return count;
}

const versions = (store: string) => readdirSync(store).flatMap((slot) => readdirSync(path.join(store, slot)).filter((n) => n.startsWith('v-')));

describe('the output folder', () => {
  it('is a link into the store, outside its parent folder; the previous version stays until the next build', async () => {
    const store = path.join(work, 'magasin');
    const out = path.join(work, 'site', 'public', 'data');
    for (const data of [valides, shipped, valides]) {
      expect((await run(['--data-dir', data, '--out', out, '--store', store])).code).toBe(0);
    }
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(path.isAbsolute(readlinkSync(out))).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual(['data']);
    expect(completeOutput(out)).toBe(5);
    // The first version was removed by the third build; the second (previous) is kept.
    expect(versions(store)).toHaveLength(2);
  });

  it('is moved into the store when it was a real folder (older builds)', async () => {
    const store = path.join(work, 'magasin-migration');
    const out = path.join(work, 'migration', 'data');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'ancien.txt'), 'x');
    expect((await run(['--data-dir', valides, '--out', out, '--store', store])).code).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    completeOutput(out);
  });

  it('stays complete, old or new, when the build is killed after any step; the next build cleans up', async () => {
    const store = path.join(work, 'magasin-arret');
    const outs = STEPS.map((step) => path.join(work, 'arret', step, 'data'));
    for (const out of outs) expect((await run(['--data-dir', valides, '--out', out, '--store', store])).code).toBe(0);
    const killed = await Promise.all(STEPS.map((step, i) => promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/build-data.ts', '--data-dir', shipped, '--out', outs[i]!, '--store', store],
      { cwd: root, env: { ...process.env, CARTO_DONNEES_ARRET: step } },
    ).then(() => 'fini', (e: { signal?: string }) => e.signal)));
    expect(killed).toEqual(STEPS.map(() => 'SIGKILL'));
    STEPS.forEach((step, i) => {
      // Before the switch the old output is served, after it the new one: never a mix, never nothing.
      expect(completeOutput(outs[i]!), step).toBe(step === 'bascule' ? shippedCount : 5);
    });
    const servedBefore = outs.map((out) => path.resolve(path.dirname(out), readlinkSync(out)));
    for (const out of outs) expect((await run(['--data-dir', valides, '--out', out, '--store', store])).code).toBe(0);
    outs.forEach((out, i) => {
      expect(completeOutput(out)).toBe(5);
      // What stays: the served version and the previous one; what the killed build left is gone.
      const served = path.resolve(path.dirname(out), readlinkSync(out));
      const slot = path.dirname(served);
      expect(readdirSync(slot).sort(), STEPS[i]).toEqual(
        ['cible.txt', path.basename(servedBefore[i]!), path.basename(served)].sort());
    });
  }, 60_000);

  it('is written by one build at a time: a second one waits for the first', async () => {
    const store = path.join(work, 'magasin-deux');
    const out = path.join(work, 'deux', 'data');
    const [a, b] = await Promise.all([
      run(['--data-dir', shipped, '--out', out, '--store', store]),
      run(['--data-dir', valides, '--out', out, '--store', store]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([...a.stdout, ...b.stdout].filter((l) => /une autre construction des données \(processus \d+\) est en cours, attente/u.test(l))).toHaveLength(1);
    expect([5, shippedCount]).toContain(completeOutput(out));
  });

  it('fails in French, writing nothing, when another live build holds the lock too long; a dead one is taken over', async () => {
    const store = path.join(work, 'magasin-verrou');
    const out = path.join(work, 'verrou', 'data');
    expect((await run(['--data-dir', valides, '--out', out, '--store', store])).code).toBe(0);
    const [slot] = readdirSync(store);
    const lock = path.join(store, slot!, 'verrou');
    writeFileSync(lock, String(process.pid));
    const before = readlinkSync(out);
    const blocked = await run(['--data-dir', shipped, '--out', out, '--store', store], { lockTimeoutMs: 300 });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr.at(-1)).toMatch(new RegExp(`^une autre construction des données \\(processus ${process.pid}\\) écrit déjà .*data : réessayez quand elle sera finie .* ; rien n’a été écrit \\(.*data est resté tel quel\\)$`, 'u'));
    expect(readlinkSync(out)).toBe(before);

    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(lock, String(dead));
    expect((await run(['--data-dir', shipped, '--out', out, '--store', store], { lockTimeoutMs: 300 })).code).toBe(0);
    expect(readlinkSync(out)).not.toBe(before);
    expect(existsSync(lock)).toBe(false);
  });

  it('is served and copied by Vite (dev server through the link, vite build as real files into dist/)', async () => {
    const store = path.join(work, 'magasin-vite');
    const site = path.join(work, 'vite');
    mkdirSync(path.join(site, 'public'), { recursive: true });
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>t</title><p>t</p>');
    expect((await run(['--data-dir', valides, '--out', path.join(site, 'public', 'data'), '--store', store])).code).toBe(0);
    const server = await createServer({ root: site, configFile: false, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    try {
      const address = server.httpServer!.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${address.port}/data/report.json`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(path.join(site, 'public', 'data', 'report.json')));
    } finally {
      await server.close();
    }
    const dist = path.join(site, 'dist');
    await build({ root: site, configFile: false, logLevel: 'silent', build: { outDir: dist } });
    expect(lstatSync(path.join(dist, 'data')).isDirectory()).toBe(true);
    expect(lstatSync(path.join(dist, 'data', 'points.bin')).isFile()).toBe(true);
    expect(readFileSync(path.join(dist, 'data', 'report.json'))).toEqual(readFileSync(path.join(site, 'public', 'data', 'report.json')));
    expect(readdirSync(dist).sort()).toEqual(['data', 'index.html']);
  });
});
