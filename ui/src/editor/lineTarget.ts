// A request to show a 1-based line in the editor. `seq` grows with every request so that
// clicking the same heading twice still scrolls back to it. `select` selects the whole line
// (a finding) instead of putting the cursor at its start (a heading).
export interface LineTarget {
  line: number;
  seq: number;
  select?: boolean;
}
