"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * The item a link asks for (`?item=<id>`, from a workshop record, say): revealed and selected
 * once, as soon as the board holds it. Junk or an item deleted since does nothing.
 */
export function useItemFromUrl(items: readonly { id: string }[], reveal: (itemId: string) => void): void {
  const wanted = useSearchParams().get("item");
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !wanted || !items.some((item) => item.id === wanted)) return;
    done.current = true;
    reveal(wanted);
  }, [wanted, items, reveal]);
}
