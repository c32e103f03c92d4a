// Checks the editor's unsaved draft in plain English: on demand, and when typing pauses.
// Without this script the panel still shows the advice on the last saved draft.
(() => {
    const panel = document.querySelector("[data-plain-english]");
    const form = document.querySelector("form[data-edit-form]");
    if (!panel || !form) return;
    const button = panel.querySelector("[data-plain-english-run]");
    const results = panel.querySelector("[data-plain-english-results]");
    const PAUSE = 1500;
    let timer = null;
    let running = null;

    async function run() {
        if (running) running.abort();
        running = new AbortController();
        const data = new FormData(form);
        // Only the text is needed: leave out files chosen for upload.
        for (const [name, value] of [...data.entries()]) {
            if (value instanceof File) data.delete(name);
        }
        try {
            const response = await fetch(panel.dataset.checkUrl, {
                method: "POST",
                body: data,
                credentials: "same-origin",
                headers: { "X-Requested-With": "XMLHttpRequest" },
                signal: running.signal,
            });
            results.innerHTML = await response.text();
        } catch (error) {
            if (error.name !== "AbortError") results.dataset.failed = "true";
        }
    }

    function later() {
        clearTimeout(timer);
        timer = setTimeout(run, PAUSE);
    }

    button.hidden = false;
    button.addEventListener("click", run);
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    // Draftail (rich text) does not always fire input events on the form.
    form.addEventListener("keyup", later);
})();
