import type { FormId } from './model/section-model';

/** The parts of the Edit tab, in the order of the configuration; `?section=` holds the open one. */
export const EDITOR_SECTIONS = [
  { id: 'settings', label: 'Settings', forms: ['settings'] },
  { id: 'access', label: 'Access & tags', forms: ['access'] },
  { id: 'instructions', label: 'Instructions', forms: ['instructions'] },
  { id: 'knowledge', label: 'Knowledge sources', forms: ['corpora', 'sharepoint'] },
  { id: 'tools', label: 'Tools', forms: ['tools'] },
  { id: 'guardrails', label: 'Guardrails', forms: ['guardrails'] },
] as const satisfies readonly { id: string; label: string; forms: readonly FormId[] }[];

export type EditorSectionId = (typeof EDITOR_SECTIONS)[number]['id'];

export function parseSection(raw: string | null): EditorSectionId {
  return EDITOR_SECTIONS.find((s) => s.id === raw)?.id ?? 'settings';
}

/** "Settings and Tools", "Settings, Tools and Guardrails". */
export function sectionList(ids: readonly EditorSectionId[]): string {
  const labels = EDITOR_SECTIONS.filter((s) => ids.includes(s.id)).map((s) => s.label);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export function sectionsOfForms(forms: readonly FormId[]): EditorSectionId[] {
  return EDITOR_SECTIONS.filter((s) => s.forms.some((f) => forms.includes(f))).map((s) => s.id);
}
