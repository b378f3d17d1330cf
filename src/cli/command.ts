import { parseCliArgs, type CliArgs } from './args';
import { LIST_COMMANDS, parseListArgs, type ListArgs, type ListCommand } from './list-args';

/** What the command line asks for: a scan (the default), or one of the listings. */
export type Command = { name: 'scan'; args: CliArgs } | { name: ListCommand; args: ListArgs };

/**
 * A listing when the first argument is exactly `rules` or `controls`; a scan otherwise, so
 * `iac-scan ./rules`, `iac-scan rules/` and `iac-scan -q rules` still scan a path of that name.
 */
export function parseCommandLine(argv: string[], env: Record<string, string | undefined> = {}): Command {
  const [first, ...rest] = argv;
  const listing = LIST_COMMANDS.find((c) => c === first);
  if (listing) return { name: listing, args: parseListArgs(listing, rest) };
  return { name: 'scan', args: parseCliArgs(argv, env) };
}
