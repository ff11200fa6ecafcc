import { MAIN_PAGES } from '../../app/mainPages';
import type { StudySummary } from '../../dicom';
// The banner's text alone: the ui folder's entry brings React components.
import { patientBannerOf } from '../../ui/patientBannerText';
import type { FirstFrame } from './firstFrames';
import { keepFirstFramePainted } from './paintFirstFrame';
import '../viewerLayout.css';

/**
 * The viewer page drawn before the app's code is evaluated: evaluating React and the pages takes the
 * CPU that the archive's answers and the first image need, so on a page opened on the viewer the app
 * waits until this page shows the first image. Same frame and class names as the app's viewer (header,
 * patient banner, series panel, image stage), so that the app, which replaces it when it first renders,
 * draws the same image in the same place. Links work as plain page loads.
 */
export interface EarlyPage {
  /** Names the patient whose image will be shown; no image is drawn before that. */
  showPatient(study: StudySummary): void;
  /**
   * Draws the first image (kept drawn at the page's size), in place of any drawn before; false when no
   * patient is shown yet or the app has replaced this page.
   */
  showImage(frame: FirstFrame, onDrawn: () => void): boolean;
}

export function mountEarlyPage(container: HTMLElement, appName: string, base: string): EarlyPage {
  const banner = element('section', 'patient-banner patient-banner--empty');
  banner.setAttribute('aria-label', 'Patient');
  banner.dataset.testid = 'patient-banner';
  banner.append(element('span', 'patient-banner__name', 'Loading patient…'));

  const canvas = element('canvas', 'viewport__early-image');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.testid = 'early-page-image';
  const stage = element('div', 'viewer__stage');
  stage.append(canvas);
  const main = element('div', 'viewer__main');
  main.append(stage);
  const body = element('div', 'viewer__body');
  body.append(element('aside', 'viewer__sidebar'), main);
  const viewer = element('div', 'viewer');
  viewer.append(banner, body);
  const page = element('main', 'app-main');
  page.append(viewer);
  const shell = element('div', 'app-shell');
  shell.dataset.testid = 'early-page';
  shell.append(header(appName, base), page);
  container.replaceChildren(shell);

  let patientShown = false;
  /** Stops keeping the image drawn: a later image replaces it. */
  let stopPainting: (() => void) | undefined;
  return {
    showPatient(study) {
      const { name, fields, description } = patientBannerOf(study);
      const list = element('dl', 'patient-banner__fields');
      for (const [label, value] of fields) {
        const field = element('div', 'patient-banner__field');
        field.append(element('dt', undefined, label), element('dd', undefined, value));
        list.append(field);
      }
      banner.className = 'patient-banner';
      banner.replaceChildren(element('span', 'patient-banner__name', name), list);
      if (description) banner.append(element('span', 'patient-banner__description', description));
      patientShown = true;
    },
    showImage(frame, onDrawn) {
      if (!patientShown || !canvas.isConnected) return false;
      if (stopPainting) stopPainting();
      else {
        const note = element('p', 'viewport__early-note');
        note.setAttribute('role', 'status');
        note.append(
          element('span', 'spinner spinner--medium'),
          element('span', undefined, 'Image shown; tools are loading…'),
        );
        stage.append(note);
      }
      stopPainting = keepFirstFramePainted(canvas, frame, onDrawn);
      // Which image is on screen, for the end-to-end tests (an image id holds UIDs, no patient data).
      canvas.dataset.imageId = frame.imageId;
      return true;
    },
  };
}

/** The app's header (AppShell), with plain links. */
function header(appName: string, base: string): HTMLElement {
  const brand = element('a', 'app-header__brand');
  brand.href = base;
  brand.setAttribute('aria-label', `${appName} — start page`);
  const svg = 'http://www.w3.org/2000/svg';
  const logo = document.createElementNS(svg, 'svg');
  logo.setAttribute('class', 'app-header__logo');
  logo.setAttribute('viewBox', '0 0 24 24');
  logo.setAttribute('aria-hidden', 'true');
  for (const r of ['10', '4']) {
    const circle = document.createElementNS(svg, 'circle');
    circle.setAttribute('cx', '12');
    circle.setAttribute('cy', '12');
    circle.setAttribute('r', r);
    logo.append(circle);
  }
  brand.append(logo, element('span', undefined, appName));
  const nav = element('nav', 'app-nav');
  nav.setAttribute('aria-label', 'Main');
  for (const { path, label } of MAIN_PAGES) {
    const link = element('a', 'app-nav__link', label);
    link.href = base + path;
    nav.append(link);
  }
  const bar = element('header', 'app-header');
  bar.append(brand, nav);
  return bar;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
