// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// Scenes lazy-loads panels when they scroll into view.
class IntersectionObserverStub {
  constructor(callback) {
    this.callback = callback;
  }
  observe(target) {
    this.callback([{ isIntersecting: true, target, intersectionRatio: 1 }], this);
  }
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

// VizPanel measures itself and renders nothing at 0x0, so report a real size.
class ResizeObserverStub {
  constructor(callback) {
    this.callback = callback;
  }
  observe(target) {
    const contentRect = { width: 800, height: 400, top: 0, left: 0, bottom: 400, right: 800, x: 0, y: 0 };
    this.callback([{ target, contentRect, borderBoxSize: [{ inlineSize: 800, blockSize: 400 }] }], this);
  }
  unobserve() {}
  disconnect() {}
}

Object.assign(global, { IntersectionObserver: IntersectionObserverStub, ResizeObserver: ResizeObserverStub });
