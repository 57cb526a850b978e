/**
 * Views added by other parts of the project, shown as tabs after the window's own. To add one, import its
 * component and append `{ id, label, component }`; the component receives a ViewContext (views/view-types.ts).
 */
import { UncertaintyView } from './UncertaintyView.js';
import type { ViewDefinition } from './view-types.js';

export const EXTRA_VIEWS: ViewDefinition[] = [
  // The analysis engineer's view: Monte Carlo bands, paired comparison, tornado and attribution.
  { id: 'uncertainty', label: 'Uncertainty', component: UncertaintyView },
];
