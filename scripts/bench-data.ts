/**
 * npm run bench:data -- [--sizes 1000,10000,100000] [--runs 5] [--million]
 *
 * Times the whole `npm run data` pipeline (module loading, gazetteer, reading, checks, writing)
 * on synthetic folders made by scripts/synth.ts, each size several times in a fresh process, and
 * prints the medians of wall time, CPU time (user + system) and peak memory (RSS). --million adds
 * 1,000,000 rows (about a minute per run: use --runs 1 or 3). Wall time depends on what else the
 * machine runs; CPU time is the steadier figure. Folders go to .bench/ (ignored by git).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { main as buildData } from './build-data';
import { main as synth } from './synth';

interface Sample {
  wallMs: number;
  cpuMs: number;
  /** Peak resident set size, in MB. */
  rssMb: number;
  code: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Child mode: run the CLI once, silently, and report this process's own time and memory since it started. */
async function child(argv: string[]): Promise<void> {
  const code = await buildData(argv, { stdout: () => {}, stderr: () => {} });
  const usage = process.resourceUsage();
  const sample: Sample = {
    wallMs: performance.now(),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    rssMb: usage.maxRSS / 1024,
    code,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

async function parent(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      runs: { type: 'string', default: '5' },
      million: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (values.million) sizes.push(1_000_000);
  const runs = Number(values.runs);
  const root = path.resolve('.bench');
  await mkdir(root, { recursive: true });
  const script = path.relative(process.cwd(), new URL(import.meta.url).pathname);
  console.log(`npm run data sur des données synthétiques, ${runs} exécution(s) par taille (médianes)`);
  console.log('lignes\tmur (s)\tCPU (s)\tmémoire max (Mo)\tlignes/s (CPU)');
  for (const size of sizes) {
    const data = path.join(root, `synth-${size}`);
    // Same options, same bytes: a folder already made is reused.
    if (!existsSync(path.join(data, 'innovations.csv'))) await synth(['--count', String(size), '--out', data]);
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i += 1) {
      const out = execFileSync(process.execPath, [
        '--import', 'tsx', script, '--child', '--data-dir', data, '--out', path.join(root, `out-${size}`), '--store', path.join(root, 'versions'),
      ], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const sample = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Sample;
      if (sample.code !== 0) throw new Error(`la construction de ${data} a échoué (code ${sample.code})`);
      samples.push(sample);
    }
    const wall = median(samples.map((s) => s.wallMs)) / 1000;
    const cpu = median(samples.map((s) => s.cpuMs)) / 1000;
    const rss = median(samples.map((s) => s.rssMb));
    console.log(`${size}\t${wall.toFixed(2)}\t${cpu.toFixed(2)}\t${Math.round(rss)}\t${Math.round(size / cpu)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  (args[0] === '--child' ? child(args.slice(1)) : parent(args)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
