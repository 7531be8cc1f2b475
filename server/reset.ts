import { defaultDatabasePath, deleteDatabaseFiles, openSandboxDatabase } from './db/sandbox';

/** `npm run sandbox:reset`: throws the sandbox database away and seeds a fresh demo. */
const file = defaultDatabasePath();
const started = performance.now();
deleteDatabaseFiles(file);
const { db } = openSandboxDatabase(file);
db.close();
console.log(`Reseeded ${file} in ${Math.round(performance.now() - started)} ms`);
