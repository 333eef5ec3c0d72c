/**
 * npm run bench:data -- [--sizes 1000,10000,100000] [--runs 5]
 *
 * Times the whole `npm run data` pipeline (module loading, gazetteer, reading, checks, writing)
 * on synthetic folders made by scripts/synth.ts, each size several times in a fresh process, and
 * prints the medians. Wall time depends on what else the machine runs; CPU time (user + system of
 * the build process) is the steadier figure. Folders go to .bench/ (ignored by git).
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { main as buildData } from './build-data';
import { main as synth } from './synth';

interface Sample {
  wallMs: number;
  cpuMs: number;
  code: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Child mode: run the CLI once, silently, and report this process's own time since it started. */
async function child(argv: string[]): Promise<void> {
  const code = await buildData(argv, { stdout: () => {}, stderr: () => {} });
  const cpu = process.cpuUsage();
  const sample: Sample = { wallMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, code };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

async function parent(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { sizes: { type: 'string', default: '1000,10000,100000' }, runs: { type: 'string', default: '5' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  const root = path.resolve('.bench');
  await mkdir(root, { recursive: true });
  const script = path.relative(process.cwd(), new URL(import.meta.url).pathname);
  console.log(`npm run data sur des données synthétiques, ${runs} exécutions par taille (médianes)`);
  console.log('lignes\tmur (s)\tCPU (s)\tlignes/s (CPU)');
  for (const size of sizes) {
    const data = path.join(root, `synth-${size}`);
    await synth(['--count', String(size), '--out', data]);
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i += 1) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--child', '--data-dir', data, '--out', path.join(root, `out-${size}`)], { encoding: 'utf8' });
      const sample = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Sample;
      if (sample.code !== 0) throw new Error(`la construction de ${data} a échoué (code ${sample.code})`);
      samples.push(sample);
    }
    const wall = median(samples.map((s) => s.wallMs)) / 1000;
    const cpu = median(samples.map((s) => s.cpuMs)) / 1000;
    console.log(`${size}\t${wall.toFixed(2)}\t${cpu.toFixed(2)}\t${Math.round(size / cpu)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  (args[0] === '--child' ? child(args.slice(1)) : parent(args)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
