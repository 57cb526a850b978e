import { useEffect, useRef } from 'react';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel?: () => void;
}

/** A modal question with two answers, on the native dialog element (focus trapped, Escape cancels). */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const cancel = () => {
    request.onCancel?.();
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <h2 id="confirm-title">{request.title}</h2>
      <p id="confirm-message">{request.message}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={cancel}>
          {request.cancelLabel}
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => {
            request.onConfirm();
            onClose();
          }}
        >
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
