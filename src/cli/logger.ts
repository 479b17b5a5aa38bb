/** Console log for the CLI: info and warnings to stderr so that stdout stays machine-readable. */
export const cliLog = {
  info: (m: string) => process.stderr.write(`${m}\n`),
  warn: (m: string) => process.stderr.write(`! ${m}\n`),
  debug: (m: string) => { if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${m}\n`); },
};
