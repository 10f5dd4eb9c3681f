/**
 * Inline SVG icons. Emoji (⛔ 📌 ⚙) render as empty boxes on machines without a colour-emoji font (common on
 * shop PCs and Linux), so the panel draws its own. They are decorative: the element around them carries the label.
 */
import type { SVGProps } from 'react';

const base: SVGProps<SVGSVGElement> = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false };

export function PinIcon() {
  return (
    <svg {...base} className="icon icon--pin">
      <path d="M6 1h4v1.5l-1 .5v4l2.5 2V10H8.75v4.5L8 15.5l-.75-1V10H4.5V9L7 7V3l-1-.5z" fill="currentColor" />
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
        d="M6.9 1h2.2l.4 2 1.2.6 1.8-1 1.5 1.5-1 1.8.5 1.2 2 .4v2.2l-2 .4-.5 1.2 1 1.8-1.5 1.5-1.8-1-1.2.5-.4 2H6.9l-.4-2-1.2-.5-1.8 1-1.5-1.5 1-1.8-.5-1.2-2-.4V6.9l2-.4.5-1.2-1-1.8 1.5-1.5 1.8 1 1.2-.6zM8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8z"
      />
    </svg>
  );
}
