/**
 * Entry point of the renderer bundle: configures zod for the CSP, loads i18n and the styles,
 * then mounts the shell. `window.workstation` was injected before this script ran (by the
 * preload or the browser host).
 */
// Must stay the first import: it has to run before any schema module is evaluated.
import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/i18n';
import './app/styles.css';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
