import type { SeedContext } from '../../core/module.js';
export async function seedDemo(_ctx: SeedContext): Promise<void> {}
