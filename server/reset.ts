import { defaultDatabasePath, deleteDatabaseFiles, isDatabaseInUse, openSandboxDatabase } from './db/sandbox';

/**
 * `npm run sandbox:reset`: throws the sandbox database away and seeds a fresh demo. Refused while
 * a console has the database open: it would go on using the deleted file, and what it saved
 * after the reset would be lost at its next start.
 */
const file = defaultDatabasePath();
if (isDatabaseInUse(file)) {
  console.error(
    `The sandbox database ${file} is open in a running console. Stop the console (Ctrl+C), then reset.`,
  );
  process.exit(1);
}
const started = performance.now();
deleteDatabaseFiles(file);
const { db } = openSandboxDatabase(file);
db.close();
console.log(`Reseeded ${file} in ${Math.round(performance.now() - started)} ms`);
