// The beamer's fit step: the largest type at which the whole view fits the window.
//
// Every size on the beamer is in rem, so one number, the root font size, scales the whole
// view. After every change to the page and every resize this script searches (bisection,
// about ten layouts) for the largest root size between the minimum and the maximum at which
// the page does not scroll and no text element is wider than its box. If even the minimum
// does not fit, the method's explanations (`.beamer-detail`) give way first; if it still does
// not fit, it goes below the minimum rather than cut anything, and says so in
// `data-pas-onder-minimum` (the browser test reports it).
(() => {
  const cfg = window.BEAMER_PAS;
  const html = document.documentElement;
  let gepland = false;
  const gevolgd = new WeakSet();

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

  // the view is fixed to the window (CSS), so its box always has the window's size, even in
  // the frame right after a resize; what does not fit makes its content taller or wider
  function past(vak) {
    const d = document.scrollingElement;
    return (
      vak.scrollHeight <= vak.clientHeight + 1 && vak.scrollWidth <= vak.clientWidth + 1 &&
      d.scrollHeight <= innerHeight && d.scrollWidth <= innerWidth && !looptOver() && !knipt()
    );
  }

  function zet(px) {
    html.style.fontSize = px.toFixed(2) + 'px';
  }

  function pas() {
    gepland = false;
    const vak = document.querySelector('.beamer');
    if (!vak) return;
    if (!gevolgd.has(vak)) {
      gevolgd.add(vak);
      new ResizeObserver(plan).observe(vak);
    }
    const h = vak.clientHeight, w = vak.clientWidth;
    const minimum = Math.min(h * cfg.min, w * cfg.minBreed);
    let hoog = Math.min(h * cfg.max, w * cfg.maxBreed);
    let laag = minimum;
    html.classList.remove('beamer-kort');
    zet(hoog);
    if (!past(vak)) {
      zet(laag);
      let onder = false;
      if (!past(vak) && vak.querySelector('.beamer-detail')) {
        // not even the smallest type fits: the method's explanations give way (the phones and
        // the console keep them), the room's own answers and the questions stay
        html.classList.add('beamer-kort');
      }
      if (!past(vak)) {
        onder = true;
        hoog = laag;
        laag = minimum * cfg.noodstop;
      }
      for (let i = 0; i < 10 && hoog - laag > 0.25; i++) {
        const midden = (laag + hoog) / 2;
        zet(midden);
        if (past(vak)) laag = midden;
        else hoog = midden;
      }
      zet(laag);
      html.dataset.pasOnderMinimum = onder ? (laag / minimum).toFixed(2) : '';
    } else {
      html.dataset.pasOnderMinimum = '';
    }
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
  // and when the view's own box changes size (observed from the first fit on)
  plan();
})();
