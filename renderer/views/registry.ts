/** The window's views as data: the tab bar and the router both read this list. */
import { CompareView } from './CompareView.js';
import { EditView } from './EditView.js';
import { EXTRA_VIEWS } from './extra-views.js';
import { LibraryView } from './LibraryView.js';
import type { ViewDefinition } from './view-types.js';

export const CORE_VIEWS: ViewDefinition[] = [
  { id: 'library', label: 'Library', component: LibraryView },
  { id: 'edit', label: 'Edit', component: EditView },
  { id: 'compare', label: 'Compare', component: CompareView },
];

export const VIEWS: ViewDefinition[] = [...CORE_VIEWS, ...EXTRA_VIEWS];
