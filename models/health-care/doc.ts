/** The model's documentation as Markdown, and the list of differences between the two forms. */
import { MODEL_VARIABLES } from './model.js';
import { PARAMETERS } from './parameters.js';

/** The parameters whose defaults differ between the separate and the combined form. */
export function formDifferences(): { name: string; label: string; unit: string; separate: number; combined: number }[] {
  return PARAMETERS.filter((p) => p.combinedValue !== undefined).map((p) => ({
    name: p.name,
    label: p.label,
    unit: p.unit,
    separate: p.value,
    combined: p.combinedValue as number,
  }));
}

export function modelDocMarkdown(): string {
  return MODEL_VARIABLES.map((v) => `${v.name} = ${v.equation}`).join('\n');
}
