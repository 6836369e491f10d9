import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

// react-router reads these; jsdom does not provide them.
Object.assign(globalThis, { TextEncoder, TextDecoder });

afterEach(() => {
  jest.restoreAllMocks();
  // Forms keep drafts in sessionStorage (use-form-draft): each test starts from empty forms.
  sessionStorage.clear();
});
