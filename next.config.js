/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // Articles are read at request time too (pages beyond the prerendered ones), so the content
  // folder must travel with the server: into .next/standalone and into Vercel's functions.
  outputFileTracingIncludes: { '/*': ['./content/**/*'] },
  async redirects() {
    return [{ source: '/page/1', destination: '/', permanent: true }];
  },
};

module.exports = nextConfig;
