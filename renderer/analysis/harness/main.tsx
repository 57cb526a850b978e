/**
 * A test page (test/e2e/uncertainty-view.test.ts builds it; the window's build does not include it). Renders the
 * Uncertainty view alone, with the built-in Northamptonshire baseline and the Greater Manchester-like
 * option, until the window wires it into its view list. Only `items` of the view context is used by the view.
 */
import { createRoot } from 'react-dom/client';
import combined from '../../../scenarios/library/combined-like-greater-manchester.json';
import separate from '../../../scenarios/library/northamptonshire-separate.json';
import type { Scenario } from '../../../scenarios/scenario.js';
import '../../styles.css';
import type { ViewContext } from '../../views/view-types.js';
import { UncertaintyView } from '../../views/UncertaintyView.js';

const items = [
  { key: 'baseline', name: separate.name, scenario: separate as Scenario },
  { key: 'option', name: combined.name, scenario: combined as Scenario },
];
const context = { items } as unknown as ViewContext;
createRoot(document.getElementById('root')!).render(<UncertaintyView {...context} />);
