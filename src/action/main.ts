/**
 * The GitHub Action's entry (bundled to dist/action.js). Anything unexpected becomes an
 * `::error::` annotation and exit code 2, so a crash never looks like a clean scan.
 */
import { escapeData } from './commands';
import { ActionInputError } from './inputs';
import { runAction } from './run';

const log = (text: string) => {
  process.stdout.write(text);
};

runAction(process.env, process.cwd(), log).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message =
      err instanceof ActionInputError
        ? err.message
        : `iac-scan failed: ${(err as Error)?.stack ?? String(err)}\nPlease report this.`;
    log(`::error::${escapeData(message)}\n`);
    process.exitCode = 2;
  },
);
