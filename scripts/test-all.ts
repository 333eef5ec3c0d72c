/**
 * npm test: every check, one after the other, each announced with its duration, so that a long
 * run says where it is (tsc and eslint print nothing when all is well). Every step runs even when
 * an earlier one failed (one run tells everything), except the browser tests, which need the build.
 * Exit code 1 when any step failed.
 */
import { spawn } from 'node:child_process';

interface Step {
  label: string;
  script: string;
  /** Steps that must have passed for this one to make sense. */
  needs?: string[];
}

const STEPS: Step[] = [
  { label: 'Vérification des types (tsc)', script: 'typecheck' },
  { label: 'Lint (eslint)', script: 'lint' },
  { label: 'Tests unitaires et des commandes (vitest)', script: 'test:unit' },
  { label: 'Construction du site (npm run build)', script: 'build' },
  { label: 'Tests dans Chromium (vitest)', script: 'test:browser', needs: ['build'] },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

const started = Date.now();
const failed = new Set<string>();
for (const [i, step] of STEPS.entries()) {
  const prefix = `[${i + 1}/${STEPS.length}] ${step.label}`;
  const missing = step.needs?.filter((s) => failed.has(s)) ?? [];
  if (missing.length > 0) {
    console.log(`\n${prefix} : non lancé (${missing.join(', ')} a échoué)`);
    failed.add(step.script);
    continue;
  }
  console.log(`\n${prefix}…`);
  const t0 = Date.now();
  const code = await run(step.script);
  if (code !== 0) failed.add(step.script);
  console.log(`${prefix} : ${code === 0 ? 'réussi' : 'ÉCHEC'} en ${seconds(Date.now() - t0)}`);
}
console.log(`\nnpm test : ${failed.size === 0 ? 'tout est passé' : `${failed.size} étape(s) en échec (${[...failed].join(', ')})`} en ${seconds(Date.now() - started)}`);
process.exitCode = failed.size === 0 ? 0 : 1;
