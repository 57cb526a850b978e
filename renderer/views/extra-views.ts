/**
 * Views added by other parts of the project, shown as tabs after the window's own. To add one, import its
 * component (lazily, so its code loads when its tab is first opened) and append `{ id, label, component }`; the
 * component receives a ViewContext (views/view-types.ts).
 */
import { lazy } from 'react';
import type { ViewDefinition } from './view-types.js';

// The analysis engineer's view: Monte Carlo bands, paired comparison, tornado and attribution. It brings the
// analysis code with it, so it stays out of the window's first load.
const UncertaintyView = lazy(() => import('./UncertaintyView.js').then((m) => ({ default: m.UncertaintyView })));

export const EXTRA_VIEWS: ViewDefinition[] = [{ id: 'uncertainty', label: 'Uncertainty', component: UncertaintyView }];
