import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api.js';
import { App } from './App.js';
import { startModelClient } from './start-model-worker.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App api={connectApi()} client={startModelClient()} />
  </StrictMode>,
);
