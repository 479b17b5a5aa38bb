/** The start-up cache folder of one checkout. */
export function cacheDirOf(root: string): string;
/** The compiled src/main.js (file URL), building the cache when needed; null = run through tsx. */
export function compiledMain(root: string, log?: (message: string) => void): Promise<string | null>;
