// A request to show a 1-based line in the editor. `seq` grows with every request so that
// clicking the same heading twice still scrolls back to it.
export interface LineTarget {
  line: number;
  seq: number;
}
