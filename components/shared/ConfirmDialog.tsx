interface Props {
  message: string;
  confirm: string;
  cancel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A small inline confirmation (never window.confirm: the side panel must stay usable by keyboard). */
export function ConfirmDialog({ message, confirm, cancel, onConfirm, onCancel }: Props) {
  return (
    <div className="dialog" role="alertdialog" aria-label={message} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p>{message}</p>
      <div className="dialog__actions">
        <button autoFocus onClick={onConfirm}>{confirm}</button>
        <button onClick={onCancel}>{cancel}</button>
      </div>
    </div>
  );
}
