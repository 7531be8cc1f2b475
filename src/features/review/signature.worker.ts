/// <reference lib="webworker" />
import { sectionSignature, type SignedChange } from '@/lib/viewed-marks';

/** Signs a large section (a 100,000-line prompt) away from the main thread. */
export interface SignatureRequest {
  id: number;
  changes: SignedChange[];
}

self.onmessage = (event: MessageEvent<SignatureRequest>) => {
  const { id, changes } = event.data;
  self.postMessage({ id, signature: sectionSignature(changes) });
};
