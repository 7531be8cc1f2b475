import type { Db } from '../db/database';
import { createAgentRepository } from './agents';
import { createCatalogRepository } from './catalog';
import { createFieldEditRepository } from './field-edits';
import { createPublishRepository } from './publishes';
import { createSequenceRepository } from './sequences';
import { createTokenRepository } from './tokens';
import { createUserRepository } from './users';

export function createRepositories(db: Db) {
  return {
    agents: createAgentRepository(db),
    catalog: createCatalogRepository(db),
    fieldEdits: createFieldEditRepository(db),
    publishes: createPublishRepository(db),
    sequences: createSequenceRepository(db),
    tokens: createTokenRepository(db),
    users: createUserRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
