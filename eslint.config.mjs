import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    ignores: [
      '.next/**',
      '.next-e2e-dev/**',
      '.e2e/**',
      '.bench/**',
      '.tools/**',
      'node_modules/**',
      'test-results/**',
      'reports/**',
      'next-env.d.ts',
    ],
  },
];

export default config;
