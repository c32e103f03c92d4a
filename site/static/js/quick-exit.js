// "Leave this site": for readers who may be watched. The link works without JavaScript; with
// it, this page is replaced in the history (Back does not return here), and pressing Escape
// twice leaves too.
const link = document.querySelector("[data-quick-exit]");
if (link) {
    const leave = (event) => {
        if (event) event.preventDefault();
        document.body.hidden = true;
        window.location.replace(link.href);
    };
    link.addEventListener("click", leave);
    let lastEscape = 0;
    document.addEventListener("keydown", (event) => {
        if (event.key !== "Escape") return;
        const now = Date.now();
        if (now - lastEscape < 1000) leave();
        lastEscape = now;
    });
}
