/**
 * Third-party licence notices shipped with the site: dist/licences-tierces.txt lists every npm
 * package whose code ends up in the built files, with its version, licence and licence text
 * (MIT, BSD and ISC require the notice to travel with the code). Generated at each build from
 * the installed packages, never typed by hand.
 *
 * rollup-plugin-license finds each module's package and reads its licence and NOTICE files; this
 * wrapper feeds it what one bundle's chunk list does not show:
 * - the app's web workers, which Vite bundles separately (the worker plugin shares the scanner);
 * - packages bundled inside a prebuilt file (maplibre-gl's dist carries earcut, pbf, kdbush...),
 *   read from that file's source map;
 * - package files copied as assets (MapLibre's worker, imported with ?url).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import license, { type Dependency } from 'rollup-plugin-license';
import type { Plugin } from 'vite';

export const LICENCES_FILE = 'licences-tierces.txt';

type ScanHook = (
  code: string,
  chunk: { modules: Record<string, { renderedLength: number }> },
  options: { sourcemap: boolean },
) => unknown;

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** Package name at the start of a path relative to a node_modules folder ('@scope/name' or 'name'). */
function packageNameAt(relative: string): string | undefined {
  const [first, second] = relative.split(/[\\/]/);
  if (!first) return undefined;
  return first.startsWith('@') ? (second ? `${first}/${second}` : undefined) : first;
}

/** Name and folder of the package that contains `file`, when it lies under node_modules. */
function packageOf(file: string): { name: string; dir: string } | undefined {
  const at = file.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const name = packageNameAt(file.slice(at + NODE_MODULES.length));
  return name ? { name, dir: path.join(file.slice(0, at + NODE_MODULES.length), name) } : undefined;
}

/** Where Node would find package `name` when required from folder `from`. */
function resolvePackageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Packages bundled inside a prebuilt file of a package, from the node_modules paths its source
 * map names. The map's paths are those of the package's own build, so each name is resolved
 * again from the installed package.
 */
function packagesBundledIn(file: string): string[] {
  const mapFile = `${file}.map`;
  const ownDir = packageOf(file)?.dir;
  if (!ownDir || !existsSync(mapFile)) return [];
  let sources: unknown;
  try {
    sources = (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: unknown }).sources;
  } catch {
    return [];
  }
  if (!Array.isArray(sources)) return [];
  const dirs = new Set<string>();
  for (const source of sources) {
    if (typeof source !== 'string') continue;
    const at = source.lastIndexOf('node_modules/');
    const name = at < 0 ? undefined : packageNameAt(source.slice(at + 'node_modules/'.length));
    const dir = name && resolvePackageDir(name, ownDir);
    if (dir) dirs.add(dir);
  }
  return [...dirs];
}

/** The "License" section of a package's README, for packages that ship no licence file. */
function readmeLicenceSection(dir: string): string | undefined {
  const readme = ['README.md', 'readme.md', 'Readme.md'].map((f) => path.join(dir, f)).find(existsSync);
  if (!readme) return undefined;
  const lines = readFileSync(readme, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => /^#+\s*licen[cs]e\b/i.test(l));
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+\s/.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim() || undefined;
}

/** A browsable address for the package's repository (npm's git+ssh, git:// and shorthand forms). */
function repositoryUrl(dep: Dependency): string | undefined {
  const repo = dep.repository;
  const url = (typeof repo === 'string' ? repo : repo?.url) ?? dep.homepage ?? undefined;
  return url
    ?.replace(/^git\+/, '')
    .replace(/^(ssh:\/\/)?git@github\.com[:/]/, 'https://github.com/')
    .replace(/^git:\/\//, 'https://')
    .replace(/^github:/, 'https://github.com/')
    .replace(/^([\w.-]+\/[\w.-]+)$/, 'https://github.com/$1')
    .replace(/\.git$/, '');
}

function formatLicences(
  deps: readonly Dependency[],
  bundledIn: ReadonlyMap<string, string>,
  packageDirs: ReadonlyMap<string, string>,
): string {
  const sorted = [...deps].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || (a.version ?? '').localeCompare(b.version ?? ''));
  const rule = '-'.repeat(78);
  const lines = [
    'Licences des logiciels tiers inclus dans ce site',
    '',
    'Cartographie TIC des territoires est distribuée sous licence MIT (fichier LICENSE du projet).',
    'Le site construit contient le code des paquets npm ci-dessous ; ce fichier est produit à chaque',
    'construction à partir des paquets installés.',
    '',
    ...sorted.map((d) => `- ${d.name} ${d.version} : ${d.license ?? 'licence non déclarée'}`),
  ];
  for (const d of sorted) {
    lines.push('', rule, `${d.name} ${d.version}`, `Licence : ${d.license ?? 'non déclarée'}`);
    const url = repositoryUrl(d);
    if (url) lines.push(`Source : ${url}`);
    const parent = d.name ? bundledIn.get(d.name) : undefined;
    if (parent) lines.push(`Inclus dans le fichier distribué par ${parent}.`);
    lines.push('');
    const dir = packageDirs.get(`${d.name}@${d.version}`);
    const text = d.licenseText?.trim() || (dir && readmeLicenceSection(dir));
    lines.push(text || 'Le paquet ne fournit pas de texte de licence ; voir sa source ci-dessus.');
    if (d.noticeText?.trim()) lines.push('', d.noticeText.trim());
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The plugin for the main build, which writes the file, and a factory for `worker.plugins`,
 * whose bundles are scanned into the same list (Vite bundles workers before the main
 * bundle is generated).
 */
export function thirdPartyLicences(): { plugin: Plugin; workerPlugin: () => Plugin } {
  let found: Dependency[] = [];
  const scanner = license({ thirdParty: { output: (deps) => { found = deps; }, multipleVersions: true } });
  const scanHook = scanner.renderChunk as unknown as ScanHook;
  const collect = scanner.generateBundle as unknown as () => void;
  const bundledIn = new Map<string, string>();
  const packageDirs = new Map<string, string>();
  const scannedFiles = new Set<string>();

  function rememberPackage(dir: string): void {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
    packageDirs.set(`${pkg.name}@${pkg.version}`, dir);
  }

  function scanFiles(files: Iterable<string>): void {
    const ids: string[] = [];
    for (const file of files) {
      if (scannedFiles.has(file) || !file.includes(NODE_MODULES)) continue;
      scannedFiles.add(file);
      ids.push(file);
      const owner = packageOf(file);
      if (owner && existsSync(path.join(owner.dir, 'package.json'))) rememberPackage(owner.dir);
      for (const dir of packagesBundledIn(file)) {
        rememberPackage(dir);
        // package.json as the id: the scanner looks for the package from the id's folder.
        ids.push(path.join(dir, 'package.json'));
        const bundled = packageOf(path.join(dir, 'package.json'));
        if (bundled && owner && bundled.name !== owner.name) bundledIn.set(bundled.name, owner.name);
      }
    }
    if (ids.length > 0) {
      scanHook('', { modules: Object.fromEntries(ids.map((id) => [id, { renderedLength: 1 }])) }, { sourcemap: false });
    }
  }

  function scanningPlugin(name: string): Plugin {
    let root = process.cwd();
    return {
      name,
      apply: 'build',
      configResolved(config) {
        root = config.root;
      },
      generateBundle(_options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type === 'chunk') {
            // Only modules with code left after tree-shaking count as shipped.
            scanFiles(Object.entries(output.modules).filter(([, m]) => m.renderedLength > 0).map(([id]) => id));
          } else {
            scanFiles(output.originalFileNames.map((f) => path.resolve(root, f)));
          }
        }
      },
    };
  }

  const main = scanningPlugin('carto:third-party-licences');
  const scanBundle = main.generateBundle as (this: unknown, ...args: unknown[]) => void;
  return {
    plugin: {
      ...main,
      generateBundle(options, bundle) {
        scanBundle.call(this, options, bundle);
        collect();
        this.emitFile({ type: 'asset', fileName: LICENCES_FILE, source: formatLicences(found, bundledIn, packageDirs) });
      },
    },
    workerPlugin: () => scanningPlugin('carto:third-party-licences-worker'),
  };
}
