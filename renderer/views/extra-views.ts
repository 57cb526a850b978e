/**
 * Views added by other parts of the project, shown as tabs after the window's own. To add one, import its
 * component and append `{ id, label, component }`; the component receives a ViewContext (views/view-types.ts).
 *
 * Reserved for the analysis engineer: `{ id: 'uncertainty', label: 'Uncertainty', component: UncertaintyView }`
 * from `./UncertaintyView.js`.
 */
import type { ViewDefinition } from './view-types.js';

export const EXTRA_VIEWS: ViewDefinition[] = [];
