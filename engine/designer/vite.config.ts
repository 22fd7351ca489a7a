/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.AUTOMATION_URL ?? 'http://localhost:5080';

// The host serves the built app from its wwwroot; in development Vite proxies the API to a running host.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../Automation.Host/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/health': { target: backend, changeOrigin: false },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
