/**
 * `THANTHIEN_MODULES=feedback,calendar` loads only those modules (and their migrations);
 * `none` loads none. Unset: every module. Meant for developing one module while others change.
 */
export function moduleSelected(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const only = env.THANTHIEN_MODULES?.trim();
  if (!only) return true;
  if (only === 'none') return false;
  return only.split(',').map((s) => s.trim()).includes(name);
}
