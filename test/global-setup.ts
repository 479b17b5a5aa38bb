// Replaced by the database harness in the foundation work.
export default async function setup(): Promise<void> {}
