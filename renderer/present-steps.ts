/**
 * Stepping through a presentation with the keyboard: left and right move between slides (the summary, then each
 * chart), up and down move the spotlight between the scenarios (all, then each option against the baseline). Pure.
 */
export interface PresentState {
  slide: number;
  /** -1 shows every scenario; 1… puts one option in the spotlight with the baseline. */
  spotlight: number;
}

export const PRESENT_START: PresentState = { slide: 0, spotlight: -1 };

/** The next state for a key, or null when the key is not a presentation key. */
export function stepPresent(state: PresentState, key: string, slides: number, scenarios: number): PresentState | null {
  const lastSlide = Math.max(0, slides - 1);
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return { ...state, slide: Math.min(lastSlide, state.slide + 1) };
    case 'ArrowLeft':
    case 'PageUp':
      return { ...state, slide: Math.max(0, state.slide - 1) };
    case 'Home':
      return { ...state, slide: 0 };
    case 'End':
      return { ...state, slide: lastSlide };
    case 'ArrowDown': {
      if (scenarios < 2) return state;
      const next = state.spotlight < 0 ? 1 : state.spotlight + 1;
      return { ...state, spotlight: next >= scenarios ? -1 : next };
    }
    case 'ArrowUp': {
      if (scenarios < 2) return state;
      const next = state.spotlight < 0 ? scenarios - 1 : state.spotlight - 1;
      return { ...state, spotlight: next < 1 ? -1 : next };
    }
    default:
      return null;
  }
}
