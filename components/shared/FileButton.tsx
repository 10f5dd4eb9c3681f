/** A button that opens the file chooser (a hidden file input), and hands over the chosen file once. */
import { useRef } from 'react';

interface Props {
  label: string;
  accept: string;
  /** The input's test id (tests upload through it). */
  testId: string;
  onFile(file: File): void;
  /**
   * Whether the button shows (default yes). The file input stays mounted either way, so a file chosen after the
   * tools holding the button folded away still arrives.
   */
  showButton?: boolean;
}

export function FileButton({ label, accept, testId, onFile, showButton = true }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      {showButton && <button onClick={() => input.current?.click()}>{label}</button>}
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file chosen again is a new choice
          if (file) onFile(file);
        }}
      />
    </>
  );
}
