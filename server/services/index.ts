import type { ServerConfig } from '../config';
import type { Db } from '../db/database';
import { createRepositories } from '../repositories';
import { createAgentService } from './agent-service';
import { createAuthService } from './auth-service';
import { createContext } from './context';
import { createEditService } from './edit-service';
import { createPublishService } from './publish-service';

export function createServices(db: Db, config: ServerConfig) {
  const repos = createRepositories(db);
  const ctx = createContext(db, repos, config);
  const publishing = createPublishService(ctx);
  return {
    repos,
    auth: createAuthService(ctx),
    agents: createAgentService(ctx, publishing),
    edits: createEditService(ctx),
    publishing,
  };
}
export type Services = ReturnType<typeof createServices>;
