import { startEmbeddedCosmos } from '../../../../api/src/local/cosmosServer';

/**
 * A child process that hosts only the embedded Cosmos DB with local data in the folder given as
 * its argument, so a test can kill it with SIGKILL mid-write. Prints one JSON line when ready.
 */
startEmbeddedCosmos(0, { dataDir: process.argv[2] })
  .then(({ port, documentsLoaded }) => {
    process.stdout.write(`${JSON.stringify({ port, documentsLoaded })}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
