import { useState } from 'react';

/**
 * Whether the record's form holds edits not saved yet, reset whenever a new version arrives (the form remounts
 * with the server's values then). A lifecycle step sends no field: letting it run over unsaved edits would submit
 * for a decision something other than what the screen shows (an approver picked but not saved).
 */
export function useUnsavedEdits(version: number): [boolean, () => void] {
  const [unsaved, setUnsaved] = useState(false);
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    setUnsaved(false);
  }
  return [unsaved, () => setUnsaved(true)];
}
