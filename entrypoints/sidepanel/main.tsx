/**
 * The panel's entry: its stylesheet, and the panel's code (panel.tsx) evaluated once the head script's static first
 * screen is painted and presented (entrypoints/first-screen). Evaluating the panel's modules is one long task, and its
 * fetch and compile take the CPU the frame's raster needs on a busy machine; started at once, it
 * would come between those rows and their frame. Bounded: a slow or stuck read does not hold the panel up.
 */
import { EARLY_PAINT, type EarlyPaint } from '../../components/shared/first-screen-ids';
import './style.css';

/** The most the panel's start waits for the static first screen. */
const WAIT_AT_MOST_MS = 150;

const early = (globalThis as Record<string, unknown>)[EARLY_PAINT] as EarlyPaint | undefined;
const painted = early?.done && Promise.race([early.done, new Promise((resolve) => setTimeout(resolve, WAIT_AT_MOST_MS))]);
void (painted ? painted.then(() => import('./panel')) : import('./panel'));
