import { z } from 'zod';
import { folderUrlSchema, LIMITS, type AgentConfig, type SharepointFolderInput } from '@contract';
import { mergeThreeWay } from '@/lib/three-way-merge';
import { sentOnce, type SectionModel } from './section-model';

export type SharepointForm = {
  connected: boolean;
  folder_url: string;
  folder_name: string;
  include_subfolders: boolean;
};

export const sharepointFormSchema = z
  .object({
    connected: z.boolean(),
    folder_url: z.string(),
    folder_name: z.string().max(300, `A folder name is at most ${(300).toLocaleString('en')} characters`),
    include_subfolders: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!v.connected) return;
    const url = folderUrlSchema.safeParse(v.folder_url);
    if (!url.success) {
      const issue = url.error.issues[0];
      // The contract's length check says it in zod's words ("Too big: expected string to have …").
      const message =
        v.folder_url.trim() === ''
          ? 'Enter the folder’s address'
          : issue?.code === 'too_big'
            ? `A folder address is at most ${LIMITS.folderUrl.toLocaleString('en')} characters`
            : issue?.message;
      ctx.addIssue({ code: 'custom', path: ['folder_url'], message: message ?? 'Not a valid address' });
    }
  });

export const NO_FOLDER: SharepointForm = {
  connected: false,
  folder_url: '',
  folder_name: '',
  include_subfolders: true,
};

export function toSharepointForm(config: AgentConfig): SharepointForm {
  const f = config.knowledge_sources.sharepoint_folder;
  return f
    ? {
        connected: true,
        folder_url: f.folder_url,
        folder_name: f.folder_name ?? '',
        include_subfolders: f.include_subfolders,
      }
    : NO_FOLDER;
}

/**
 * What `POST`/`PUT …/sharepoint/folder` gets: the address, and whatever else the user changed.
 * A name is taken from the address when the field is empty; one the field holds goes with a new
 * address (the server would otherwise take the new address's), whether or not it was retyped.
 */
export function sharepointInput(base: SharepointForm, target: SharepointForm): SharepointFolderInput {
  const input: SharepointFolderInput = { folder_url: target.folder_url.trim() };
  const fresh = !base.connected;
  const name = target.folder_name.trim();
  if (fresh || input.folder_url !== base.folder_url) {
    if (name !== '') input.folder_name = name;
  } else if (target.folder_name !== base.folder_name) {
    input.folder_name = name === '' ? null : name;
  }
  if (fresh || target.include_subfolders !== base.include_subfolders)
    input.include_subfolders = target.include_subfolders;
  return input;
}

export const sharepointModel: SectionModel<SharepointForm, void> = {
  id: 'sharepoint',
  fromConfig: toSharepointForm,
  planner(base, target) {
    const sent = sentOnce();
    return {
      target: () => target,
      next(config) {
        if (sent.has('folder')) return null;
        sent.mark('folder');
        const onServer = config.knowledge_sources.sharepoint_folder !== null;
        if (!target.connected) return base.connected && onServer ? { kind: 'remove-sharepoint' } : null;
        const input = sharepointInput(base, target);
        if (!onServer) return { kind: 'connect-sharepoint', folder: sharepointInput(NO_FOLDER, target) };
        const unchanged =
          target.folder_url === base.folder_url &&
          target.folder_name === base.folder_name &&
          target.include_subfolders === base.include_subfolders;
        return unchanged ? null : { kind: 'update-sharepoint', folder: input };
      },
    };
  },
  merge: (base, mine, theirs) => mergeThreeWay(base, mine, theirs),
  describe: (v) => ({
    folder: {
      label: 'SharePoint folder',
      value: v.connected
        ? `${v.folder_url}${v.folder_name ? ` (“${v.folder_name}”)` : ''}${v.include_subfolders ? ', with subfolders' : ', this folder only'}`
        : 'No folder connected',
    },
  }),
  errorPath(_op, field) {
    if (field === 'folder_url' || field === 'folder_name' || field === 'include_subfolders') return field;
    return null;
  },
  errorLabel: () => 'SharePoint folder',
};
