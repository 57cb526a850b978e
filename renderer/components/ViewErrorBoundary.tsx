import { Component, type ReactNode } from 'react';

interface Props {
  /** Changing it (another view) clears a caught error. */
  resetKey: string;
  onLeave: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

/** Keeps one view's failure from taking the whole window down: the scenario bar and the other views stay usable. */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="empty-state" role="alert">
        <h1>This view stopped working</h1>
        <p>{this.state.error.message}</p>
        <p>Your scenarios and unsaved changes are safe.</p>
        <button type="button" className="primary" onClick={this.props.onLeave}>
          Go to the library
        </button>
      </div>
    );
  }
}
