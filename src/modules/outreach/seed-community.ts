import type { SeedContext } from '../../core/module.js';
export async function seedGreetingsAndContributors(_ctx: SeedContext, _unit: { id: string; name: string }): Promise<void> {}
