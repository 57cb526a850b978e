import { useEffect } from 'react';

export interface ToastMessage {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

/** A short message at the bottom of the window, with an optional action such as Undo. */
export function Toast({ toast, onClose }: { toast: ToastMessage; onClose: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onClose, toast.action ? 12_000 : 6_000);
    return () => clearTimeout(timer);
  }, [toast, onClose]);
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action?.run();
            onClose();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="quiet" aria-label="Dismiss message" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
