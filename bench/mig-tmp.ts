import { connect } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
const h = connect(process.argv[2]!);
console.log(await migrateToLatest(h.db));
await h.close();
