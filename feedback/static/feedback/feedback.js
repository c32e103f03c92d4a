// Sends "Was this page useful?" without leaving the page. Without JavaScript (or if this
// fails) the form posts normally and the reader gets a thank-you page instead.
for (const form of document.querySelectorAll("form[data-feedback]")) {
    const status = form.querySelector("[data-feedback-status]");
    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const button = form.querySelector("button[type=submit]");
        button.disabled = true;
        let response;
        try {
            response = await fetch(form.action, {
                method: "POST",
                body: new FormData(form),
                headers: { Accept: "application/json" },
                credentials: "same-origin",
            });
        } catch {
            form.submit(); // no connection to us: let the browser try the ordinary way
            return;
        }
        let answer = {};
        try {
            answer = await response.json();
        } catch {
            form.submit();
            return;
        }
        status.textContent = answer.message || "";
        if (answer.ok) {
            for (const field of form.querySelectorAll("fieldset, label, textarea, .hint, button")) {
                field.hidden = true;
            }
            status.classList.add("feedback-thanks");
        } else {
            button.disabled = false;
        }
    });
}
