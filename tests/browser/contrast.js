// Report every visible text run whose colour contrast is below WCAG AA.
// Runs in the page; returns a list of failures. Text drawn by ::before/::after
// (the passage labels) is checked too. Backgrounds are composited from the
// element up to the page, over white; an element under a background image is
// measured against the image's fallback colour only, so those are listed apart.
(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, bottom) => {
    const a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return { r: 255, g: 255, b: 255, a: 1 };
    const mix = (k) => (top[k] * top.a + bottom[k] * bottom.a * (1 - top.a)) / a;
    return { r: mix("r"), g: mix("g"), b: mix("b"), a };
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (el, pseudoStyle) => {
    const chain = [];
    if (pseudoStyle) chain.push(parse(pseudoStyle.backgroundColor));
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) chain.push(parse(getComputedStyle(n).backgroundColor));
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (const c of chain.reverse()) if (c) bg = over(c, bg);
    return bg;
  };
  const large = (s) => { const px = parseFloat(s.fontSize); const bold = Number(s.fontWeight) >= 700; return px >= 24 || (bold && px >= 18.66); };
  const failures = [];
  const check = (el, style, text, pseudoStyle) => {
    if (style.visibility === "hidden" || style.display === "none" || Number(style.opacity) === 0) return;
    const fg = parse(style.color);
    if (!fg) return;
    const bg = background(el, pseudoStyle);
    const value = ratio(over(fg, bg), bg);
    const need = large(style) ? 3 : 4.5;
    if (value + 0.005 < need) failures.push({ text: text.slice(0, 40), ratio: Math.round(value * 100) / 100, need, tag: el.tagName.toLowerCase(), cls: el.className && el.className.baseVal === undefined ? el.className : "" });
  };
  for (const el of document.querySelectorAll("body *")) {
    if (!el.getClientRects().length) continue;
    if (el.closest("svg, [aria-hidden=true], .vh, .visually-hidden")) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    if (own) check(el, getComputedStyle(el), own);
    for (const pseudo of ["::before", "::after"]) {
      const ps = getComputedStyle(el, pseudo);
      const content = ps.content;
      if (content && content !== "none" && content !== "normal" && content.replace(/["']/g, "").trim()) {
        check(el, ps, content, ps);
      }
    }
  }
  return failures;
})()
