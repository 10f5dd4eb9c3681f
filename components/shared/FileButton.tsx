/** A button that opens the file chooser (a hidden file input), and hands over the chosen file once. */
import { useRef } from 'react';

interface Props {
  label: string;
  accept: string;
  /** The input's test id (tests upload through it). */
  testId: string;
  onFile(file: File): void;
}

export function FileButton({ label, accept, testId, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button onClick={() => input.current?.click()}>{label}</button>
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
