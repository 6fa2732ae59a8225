export async function main(_argv: string[]): Promise<number> {
  process.stdout.write('zombie-lab: work in progress\n');
  return 0;
}
