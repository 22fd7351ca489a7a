import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './styles/shell.css';
import './styles/outbox.css';
import './styles/approvals-phone.css';
import './styles/tables.css';
import './styles/designer-cards.css';
import './styles/combobox.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
