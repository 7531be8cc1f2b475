/**
 * The adapter layer: every mapping between Ejento's wire shapes and the app's own types lives
 * here, so a tenant that answers differently changes these files only. Configuration objects
 * (AgentConfig and its parts) keep their wire shape because they are also what edits send back.
 */
export * from './agents';
export * from './diff';
export * from './page';
export * from './publishes';
