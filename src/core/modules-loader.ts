import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModuleDefinition } from './module.js';
import { registerMessages } from './i18n.js';
import { coreMessages } from './messages.js';
import { moduleSelected } from './module-selection.js';
import { registerIndicators, registerProviders } from './providers.js';

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'modules');
let loaded: Promise<ModuleDefinition[]> | null = null;

/** Imports every `src/modules/<name>/index.ts` once and registers its messages. */
export function loadModules(): Promise<ModuleDefinition[]> {
  loaded ??= (async () => {
    registerMessages(coreMessages, 'core');
    const out: ModuleDefinition[] = [];
    if (!existsSync(modulesDir)) return out;
    for (const name of readdirSync(modulesDir).sort()) {
      // index.ts, or index.js where the start-up cache (bin/thanthien.js) compiled the sources.
      const index = ['index.ts', 'index.js'].map((f) => path.join(modulesDir, name, f)).find((f) => existsSync(f));
      if (!index || !moduleSelected(name)) continue;
      const mod = (await import(pathToFileURL(index).href)).default as ModuleDefinition | undefined;
      if (!mod?.name) continue;
      if (mod.messages) registerMessages(mod.messages, name);
      registerProviders(mod.name, mod.provides);
      registerIndicators(mod.name, mod.indicators);
      out.push(mod);
    }
    return out;
  })();
  return loaded;
}
