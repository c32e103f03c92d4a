/*
 * Text fields take their direction from the language of the content being edited, not from
 * the admin's language (issues #3 and #5): an Arabic page is typed right to left even when the
 * admin is in English, and an English source string stays left to right in an Arabic admin.
 *
 * - Page editor: the page's language comes from Wagtail's admin API (the page, or the parent
 *   of a page being added), so no inline script is needed under the admin's CSP.
 * - wagtail-localize's translation editor: the languages are in its data-props.
 * Fields added later (a new block, a segment opened for editing) are handled as they appear.
 */
(function () {
    "use strict";

    var script = document.currentScript;
    var rightToLeft = ((script && script.dataset.rightToLeft) || "ar fa ps ckb ur").split(/\s+/);
    var apiRoot = (script && script.dataset.pagesApi) || "/admin/api/main/pages/";
    var strongRtl = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

    function directionOf(language) {
        return rightToLeft.indexOf(String(language).split("-")[0]) === -1 ? "ltr" : "rtl";
    }

    function mark(element, language, direction) {
        if (element.getAttribute("dir") !== direction) element.setAttribute("dir", direction);
        if (element.getAttribute("lang") !== language) element.setAttribute("lang", language);
    }

    // Fields that hold words in the content language; dates, addresses and numbers stay as they are.
    var TEXT_FIELDS = 'input[type="text"], input:not([type]), textarea, .Draftail-Editor, [contenteditable="true"]';

    function isContentField(element) {
        var name = element.getAttribute("name") || "";
        if (/(^|-)(go_live_at|expire_at)$/.test(name) || /_at$/.test(name)) return false;
        if (element.closest("[data-w-date]") || element.closest(".w-comment")) return false;
        return true;
    }

    function markFields(root, language) {
        var direction = directionOf(language);
        root.querySelectorAll(TEXT_FIELDS).forEach(function (element) {
            if (isContentField(element)) mark(element, language, direction);
        });
    }

    function keepMarking(root, apply) {
        apply();
        new MutationObserver(apply).observe(root, { childList: true, subtree: true });
    }

    // The page editor -------------------------------------------------------------------------

    function pageIdFromAddress(path) {
        var editing = path.match(/\/pages\/(\d+)\/edit\/?$/);
        if (editing) return editing[1];
        var adding = path.match(/\/pages\/add\/[^/]+\/[^/]+\/(\d+)\/?$/);
        return adding ? adding[1] : null;
    }

    function pageEditor(form) {
        var pageId = pageIdFromAddress(window.location.pathname);
        if (!pageId || !window.fetch) return;
        fetch(apiRoot + pageId + "/", { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                return response.ok ? response.json() : null;
            })
            .then(function (page) {
                var language = page && page.meta && page.meta.locale;
                if (!language) return;
                form.setAttribute("data-content-language", language);
                form.setAttribute("data-content-direction", directionOf(language));
                keepMarking(form, function () {
                    markFields(form, language);
                });
            })
            .catch(function () {
                /* Without the language the fields keep the admin's direction, as before. */
            });
    }

    // wagtail-localize's translation editor ------------------------------------------------------

    function translationEditor(editor) {
        var props;
        try {
            props = JSON.parse(editor.getAttribute("data-props"));
        } catch (error) {
            return;
        }
        var target = props.locale && props.locale.code;
        var source = props.sourceLocale && props.sourceLocale.code;
        if (!target || !source) return;
        editor.setAttribute("data-content-language", target);
        editor.setAttribute("data-content-direction", directionOf(target));
        keepMarking(editor, function () {
            // Each segment is an <li>: the source string is its <p>, the translation a <div> or a field.
            editor.querySelectorAll("li > p").forEach(function (sourceText) {
                mark(sourceText, source, directionOf(source));
            });
            editor.querySelectorAll("li > div > p").forEach(function (translated) {
                // A translation with no right-to-left letter at all (a name, an address) reads in
                // its own direction; one with any is laid out in the language's direction.
                var direction = directionOf(target) === "rtl" && !strongRtl.test(translated.textContent) ? "auto" : directionOf(target);
                mark(translated, target, direction);
            });
            editor.querySelectorAll('textarea, input[type="text"]').forEach(function (field) {
                mark(field, target, directionOf(target));
            });
        });
    }

    function start() {
        var translation = document.querySelector(".js-translation-editor[data-props]");
        if (translation) {
            translationEditor(translation);
            return;
        }
        var form = document.querySelector("form[data-edit-form]");
        if (form) pageEditor(form);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
