// A signal from the export dialog to the deadline strip: the dialog (inside the editor pane) keeps
// a draft's delivery fields, and the strip (in the window's header) must ask its deadlines again
// at once — a 文号 or 主送机关 just entered may be what blocked the 报送版.

const kept = $state({ count: 0 });

/** Say that the delivery fields of a draft were just kept. */
export function noteDeliveryKept(): void {
  kept.count += 1;
}

/** How many times delivery fields were kept; read it inside an effect to rerun on each. */
export function deliveryKeptCount(): number {
  return kept.count;
}
