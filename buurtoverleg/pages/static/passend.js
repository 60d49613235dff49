// The beamer's fit step: the largest type at which the whole view fits the window.
//
// Every size on the beamer is in rem, so one number, the root font size, scales the whole
// view. After every change to the page and every resize this script searches (bisection,
// about ten layouts) for the largest root size between the minimum and the maximum at which
// the page does not scroll and no text element is wider than its box. If even the minimum
// does not fit, it goes below it rather than cut anything, and says so in
// `data-pas-onder-minimum` (the browser test reports it).
(() => {
  const cfg = window.BEAMER_PAS;
  const html = document.documentElement;
  let gepland = false;
  let pogingen = 0;

  const heeftTekst = (e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());

  function knipt() {
    for (const e of document.body.querySelectorAll('.beamer *')) {
      if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && heeftTekst(e)) {
        return true;
      }
    }
    return false;
  }

  // a flexible box gets the height left over; what does not fit in it spills over the
  // join line below without making the page taller, so each box is measured itself
  const looptOver = () => [...document.querySelectorAll('.beamer-rest')].some((e) => e.scrollHeight > e.clientHeight + 1);

  function past() {
    const d = document.scrollingElement;
    return d.scrollHeight <= innerHeight && d.scrollWidth <= innerWidth && !looptOver() && !knipt();
  }

  function zet(px) {
    html.style.fontSize = px.toFixed(2) + 'px';
  }

  function pas() {
    gepland = false;
    const vak = document.querySelector('.beamer');
    if (!vak) return;
    const h = innerHeight, w = innerWidth;
    // the view's height from the same number the check uses: right after a resize, 100vh
    // can still be the old height
    if (vak.style.height !== h + 'px') vak.style.height = h + 'px';
    const minimum = Math.min(h * cfg.min, w * cfg.minBreed);
    let hoog = Math.min(h * cfg.max, w * cfg.maxBreed);
    let laag = minimum;
    zet(hoog);
    if (!past()) {
      zet(laag);
      let onder = false;
      if (!past()) {
        onder = true;
        hoog = laag;
        laag = minimum * cfg.noodstop;
      }
      for (let i = 0; i < 10 && hoog - laag > 0.25; i++) {
        const midden = (laag + hoog) / 2;
        zet(midden);
        if (past()) laag = midden;
        else hoog = midden;
      }
      zet(laag);
      if (onder && pogingen < 3) {
        // right after a resize the layout can still be the old one (Quasar resizes its page
        // a moment later): look again shortly before settling below the minimum
        pogingen++;
        setTimeout(plan, 150);
        return;
      }
      html.dataset.pasOnderMinimum = onder ? (laag / minimum).toFixed(2) : '';
    } else {
      html.dataset.pasOnderMinimum = '';
    }
    pogingen = 0;
    html.dataset.pasMaat = w + 'x' + h;
    html.dataset.pasRem = parseFloat(html.style.fontSize).toFixed(2);
  }

  function plan() {
    if (gepland) return;
    gepland = true;
    requestAnimationFrame(pas);
  }

  // new elements, new text, and new classes or styles (Vue may set an element's classes after
  // inserting it): each can change what fits
  new MutationObserver(plan).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style'],
  });
  addEventListener('resize', plan);
  // a resize event can come before the layout has the new height (100vh); the observer
  // fires once it has
  new ResizeObserver(plan).observe(html);
  plan();
})();
