import React, {
  forwardRef,
  KeyboardEvent,
  ReactNode,
  RefObject,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { Tooltip } from '@grafana/ui';

/** Hands the element of `target` to the ref Grafana's `Tooltip` gives its child, so the tooltip points at it. */
const Anchor = forwardRef<Element, { target: RefObject<Element | null> }>(function Anchor({ target }, ref) {
  useLayoutEffect(() => {
    const element = target.current;
    if (typeof ref === 'function') {
      ref(element);
      return () => ref(null);
    }
    if (ref) {
      ref.current = element;
    }
    return undefined;
  }, [ref, target]);
  return null;
});

/**
 * Grafana's `Tooltip` for `children`, set up only once the pointer or the focus first reaches
 * them. A list row holds two tooltips, and each `Tooltip` sets up its positioning and its hover,
 * focus and dismiss handling as it mounts: at 50 rows a page, about a tenth of the time the
 * services list took to show an owner filter's result (`npx tsx bench/profile-list.ts --owner`).
 * The element around `children` stays the same when the tooltip is set up, so hover and focus
 * stay where they are. `content` may be a function, called when the tooltip shows (its text is
 * then not made per row).
 */
export function DeferredTooltip({ content, children }: { content: string | (() => string); children: ReactNode }) {
  const [open, setOpen] = useState<boolean | undefined>(undefined);
  const trigger = useRef<HTMLSpanElement>(null);
  const contentId = useId();
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      hide();
    }
  };
  return (
    <>
      <span
        ref={trigger}
        tabIndex={0}
        aria-describedby={open ? contentId : undefined}
        onPointerEnter={show}
        onPointerLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={onKeyDown}
      >
        {children}
      </span>
      {open !== undefined && (
        <Tooltip
          content={<span id={contentId}>{typeof content === 'function' ? content() : content}</span>}
          show={open}
        >
          <Anchor target={trigger} />
        </Tooltip>
      )}
    </>
  );
}
