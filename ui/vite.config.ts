import { defineConfig } from 'vite';

// Served by the Node and the Hub under /ui/; Maven packs dist/ into the ui jar as harbor/ui/.
export default defineConfig({
  base: '/ui/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/v1': process.env.HARBOR_DEV_API ?? 'http://127.0.0.1:8080',
    },
  },
});
