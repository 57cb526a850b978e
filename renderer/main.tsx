import { StrictMode } from 'react';
import type { DesktopBridge } from '../electron/ipc-contract.js';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api.js';
import { App } from './App.js';
import { startModelClient } from './start-model-worker.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// Inside Electron the preload's object also carries the menu subscription.
const bridge = window.joinedUp as Partial<DesktopBridge> | undefined;
const onMenuCommand = bridge?.onMenuCommand?.bind(bridge);
createRoot(root).render(
  <StrictMode>
    <App api={connectApi()} client={startModelClient()} onMenuCommand={onMenuCommand} />
  </StrictMode>,
);
