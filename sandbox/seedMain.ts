/**
 * `tsx sandbox/seedMain.ts <base URL> <registry.yaml>` with the token in SANDBOX_SEED_TOKEN:
 * seeds a sandbox from its own process, so that hosts whose module loader cannot load the domain's
 * query parsers (Playwright's) can still start a seeded sandbox.
 */
import { seedRegistry } from './seed';

const [baseUrl, yamlPath] = process.argv.slice(2);
seedRegistry(baseUrl, yamlPath, process.env.SANDBOX_SEED_TOKEN)
  .then((outcome) => process.stdout.write(`sandbox seed: ${outcome}\n`))
  .catch((error: Error) => {
    process.stderr.write(`sandbox seed: ${error.message}\n`);
    process.exit(1);
  });
