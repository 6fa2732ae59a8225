// zombie-lab serve: the deck. reveal.js with its notes plugin (speaker view: s); r runs the demo,
// x stops it (s stays reveal.js's speaker view), d jumps to the demo slide.
(function () {
  'use strict';
  const cfg = JSON.parse(document.getElementById('zl-config').textContent);
  const post = (url) => fetch(url, { method: 'POST' }).catch(() => undefined);
  const deck = Reveal;
  deck.initialize({ hash: true, slideNumber: 'c/t', width: 1280, height: 800, margin: 0.04, plugins: [RevealNotes] }).then(() => {
    deck.addKeyBinding({ keyCode: 82, key: 'R', description: 'run the demo' }, () => post(cfg.run));
    deck.addKeyBinding({ keyCode: 88, key: 'X', description: 'stop the demo' }, () => post(cfg.stop));
    deck.addKeyBinding({ keyCode: 68, key: 'D', description: 'the demo slide' }, () => {
      const demo = document.querySelector('.slides section[data-demo]');
      if (demo) deck.slide(deck.getIndices(demo).h);
    });
    document.body.dataset.ready = '1';
  });
})();
