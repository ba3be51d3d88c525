import { forwardRef } from 'react';
import './file-chooser.css';

interface FileChooserProps {
  id: string;
  accept: string;
  /** The chosen file's name, or null before one is chosen. */
  fileName: string | null;
  invalid?: boolean;
  onChoose: (file: File | null) => void;
}

/**
 * A file input that reads in Japanese whatever language the browser itself speaks (a
 * browser's own button says "Choose File" outside a Japanese system). The native input
 * stays: transparent over the face, so a click, the keyboard, the label 「ファイル」 and a
 * screen reader all reach it as before; the face only shows 「ファイルを選択」 and the name.
 */
export const FileChooser = forwardRef<HTMLInputElement, FileChooserProps>(function FileChooser({ id, accept, fileName, invalid, onChoose }, ref) {
  return (
    <div className="file-chooser">
      <input
        id={id}
        ref={ref}
        type="file"
        className="file-chooser__input"
        accept={accept}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChoose(e.currentTarget.files?.[0] ?? null)}
      />
      <span className="file-chooser__face" aria-hidden="true">
        <span className="file-chooser__button">ファイルを選択</span>
        <span className="file-chooser__name">{fileName ?? '選択されていません'}</span>
      </span>
    </div>
  );
});
