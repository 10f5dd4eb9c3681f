/** The icons' drawings, shared by the React icons (icons.tsx) and the panel's static first screen (no React there). */
export const PIN_PATH = 'M6 1h4v1.5l-1 .5v4l2.5 2V10H8.75v4.5L8 15.5l-.75-1V10H4.5V9L7 7V3l-1-.5z';
export const GEAR_PATH =
  'M6.9 1h2.2l.4 2 1.2.6 1.8-1 1.5 1.5-1 1.8.5 1.2 2 .4v2.2l-2 .4-.5 1.2 1 1.8-1.5 1.5-1.8-1-1.2.5-.4 2H6.9l-.4-2-1.2-.5-1.8 1-1.5-1.5 1-1.8-.5-1.2-2-.4V6.9l2-.4.5-1.2-1-1.8 1.5-1.5 1.8 1 1.2-.6zM8 5.6a2.4 2.4 0 1 0 0 4.8 2.4 2.4 0 0 0 0-4.8z';
