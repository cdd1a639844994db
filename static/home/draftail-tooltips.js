// The tooltip of a link or a cited figure in the rich-text editor, in the admin's language.
// Wagtail's TooltipEntity (client/src/components/Draftail/decorators/TooltipEntity.tsx, used for
// links, documents and our statistics) writes its two buttons as plain English text, without
// gettext, so no catalogue can translate them. This script translates them as they appear,
// through the admin's JavaScript catalogue (Wagtail's, and ours: locale/fr/…/djangojs.po).
(function () {
  "use strict";

  var LABELS = { Edit: gettext("Edit"), Remove: gettext("Remove") };

  function translate(button) {
    var text = button.firstChild;
    // Change the text node itself: React keeps it, and has no reason to write English over it.
    if (text && text.nodeType === Node.TEXT_NODE && LABELS.hasOwnProperty(text.nodeValue)) {
      text.nodeValue = LABELS[text.nodeValue];
    }
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        if (node.matches(".Tooltip__button")) translate(node);
        node.querySelectorAll(".Tooltip__button").forEach(translate);
      });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
