/** Entry point of the bundled `review` command: runs it and exits with its code. */
import { run } from './review';

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`review: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
