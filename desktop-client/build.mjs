// Bundles My computer's script (src/desktop.js and the noVNC modules it imports, 54 files that a browser would
// otherwise discover level by level, a round trip each) into one ES module named by its content, desktop.<hash>.js,
// in the folder given. The server lets browsers keep it for a year: a changed bundle has a new name.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
const BUNDLE = /^desktop\.[0-9a-f]+\.js$/;

// noVNC has a top-level await (core/util/browser.js): only an ES module can hold it.
const result = await build({
  entryPoints: ['src/desktop.js'],
  bundle: true,
  format: 'esm',
  minify: true,
  legalComments: 'inline',
  banner: { js: '/* Cloudroom\'s My computer with noVNC 1.7 (MPL-2.0; its sources are served under /novnc/) */' },
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
const name = `desktop.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
mkdirSync(folder, { recursive: true });
for (const old of readdirSync(folder).filter(file => BUNDLE.test(file) && file !== name)) {
  rmSync(join(folder, old));
}
writeFileSync(join(folder, name), code);
