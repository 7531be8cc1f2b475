import { describe, expect, it } from 'vitest';
import { configFixture } from './config-fixture';
import { runPlan } from './fake-staging';
import { guardrailsModel } from './guardrails-model';
import { NO_FOLDER, sharepointFormSchema, sharepointModel } from './sharepoint-model';

const url = 'https://contoso.sharepoint.com/sites/hr/Shared%20Documents/Policies';

describe('SharePoint folder save plan', () => {
  const none = configFixture();
  const connected = configFixture({
    knowledge_sources: {
      corpora: [],
      sharepoint_folder: { folder_url: url, folder_name: 'Policies', include_subfolders: true },
    },
  });

  it('connects with the address, leaving an empty name for the server to derive', () => {
    const target = { ...NO_FOLDER, connected: true, folder_url: ` ${url} ` };
    expect(runPlan(sharepointModel, NO_FOLDER, target, undefined, none).ops).toEqual([
      { kind: 'connect-sharepoint', folder: { folder_url: url, include_subfolders: true } },
    ]);
  });

  it('changes only what the user changed, and removes the folder', () => {
    const base = sharepointModel.fromConfig(connected, undefined);
    expect(
      runPlan(sharepointModel, base, { ...base, include_subfolders: false }, undefined, connected).ops,
    ).toEqual([{ kind: 'update-sharepoint', folder: { folder_url: url, include_subfolders: false } }]);
    expect(runPlan(sharepointModel, base, { ...base, connected: false }, undefined, connected).ops).toEqual([
      { kind: 'remove-sharepoint' },
    ]);
  });

  it('sends the name the field holds with a new address, and none when it is empty (the server takes it from the address)', () => {
    const base = sharepointModel.fromConfig(connected, undefined);
    const moved = `${url}/2026`;
    expect(runPlan(sharepointModel, base, { ...base, folder_url: moved }, undefined, connected).ops).toEqual([
      { kind: 'update-sharepoint', folder: { folder_url: moved, folder_name: 'Policies' } },
    ]);
    expect(
      runPlan(sharepointModel, base, { ...base, folder_url: moved, folder_name: '  ' }, undefined, connected)
        .ops,
    ).toEqual([{ kind: 'update-sharepoint', folder: { folder_url: moved } }]);
    // The same address: a name emptied is no name.
    expect(runPlan(sharepointModel, base, { ...base, folder_name: '' }, undefined, connected).ops).toEqual([
      { kind: 'update-sharepoint', folder: { folder_url: url, folder_name: null } },
    ]);
  });

  it('checks the address before anything is sent', () => {
    const check = (folder_url: string) => {
      const r = sharepointFormSchema.safeParse({ ...NO_FOLDER, connected: true, folder_url });
      return r.success ? null : r.error.issues[0]?.message;
    };
    expect(check('')).toBe('Enter the folder’s address');
    expect(check('not a url')).toMatch(/^Enter a full URL/);
    expect(check('https://example.com/folder')).toBe('Use an https:// address on a *.sharepoint.com site');
    expect(check(url)).toBeNull();
    expect(check(`${url}/${'a'.repeat(2_048)}`)).toBe('A folder address is at most 2,048 characters');
    expect(sharepointFormSchema.safeParse({ ...NO_FOLDER, folder_url: 'junk' }).success).toBe(true);
  });
});

describe('guardrails save plan', () => {
  const config = configFixture();
  const ctx = { types: [{ type: 'jailbreak', name: 'Jailbreak', description: '', enabled: false }] };
  const base = guardrailsModel.fromConfig(config, ctx);

  it('lists every type of the catalogue, off where staging has none', () => {
    expect(base.enabled).toEqual({ jailbreak: false, pii: true, toxicity: false });
  });

  it('sends one toggle per changed guardrail', () => {
    const target = { enabled: { ...base.enabled, pii: false, jailbreak: true } };
    expect(runPlan(guardrailsModel, base, target, ctx, config).ops).toEqual([
      { kind: 'guardrail', guardrailType: 'jailbreak', enabled: true },
      { kind: 'guardrail', guardrailType: 'pii', enabled: false },
    ]);
  });
});
