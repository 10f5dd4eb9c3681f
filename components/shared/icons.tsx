/**
 * Inline SVG icons. Emoji (⛔ 📌 ⚙) render as empty boxes on machines without a colour-emoji font (common on
 * shop PCs and Linux), so the panel draws its own. They are decorative: the element around them carries the label.
 */
import type { SVGProps } from 'react';
import { GEAR_PATH, PIN_PATH } from './icon-paths';

const base: SVGProps<SVGSVGElement> = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false };

export function PinIcon() {
  return (
    <svg {...base} className="icon icon--pin">
      <path d={PIN_PATH} fill="currentColor" />
    </svg>
  );
}

export function BlockIcon() {
  return (
    <svg {...base} className="icon icon--block">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <rect x="3.5" y="6.75" width="9" height="2.5" rx="0.5" fill="#fff" />
    </svg>
  );
}

export function WarnIcon() {
  return (
    <svg {...base} className="icon icon--warn">
      <path d="M8 1.2 15.2 14H.8z" fill="currentColor" />
      <rect x="7.1" y="5.5" width="1.8" height="4.6" fill="#fff" />
      <rect x="7.1" y="11.2" width="1.8" height="1.7" fill="#fff" />
    </svg>
  );
}

export function GearIcon() {
  return (
    <svg {...base} width={16} height={16} className="icon icon--gear">
      <path
        fill="currentColor"
        fillRule="evenodd"
        d={GEAR_PATH}
      />
    </svg>
  );
}
