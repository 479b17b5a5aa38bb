/** `--unit chu-van-an --role admin` → { unit: 'chu-van-an', role: 'admin' }; positional words in `_`. */
export function parseArgs(argv: string[]): { _: string[]; [k: string]: string | string[] | boolean } {
  const out: { _: string[]; [k: string]: any } = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) out[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
      else out[k] = true;
    } else out._.push(a);
  }
  return out;
}
