// "Save this guide to read offline": shows how much data it will use, then keeps the guide's
// pages on the phone. Without service workers (or JavaScript) the box stays hidden.
const box = document.querySelector("[data-offline]");
if (box && "serviceWorker" in navigator && "caches" in window) {
    const status = box.querySelector("[data-offline-status]");
    const button = box.querySelector("button");
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(async () => {
        const manifest = await (await fetch(box.dataset.offline, { headers: { Accept: "application/json" } })).json();
        box.querySelector("[data-offline-size]").textContent = manifest.size;
        box.hidden = false;
        button.addEventListener("click", async () => {
            button.disabled = true;
            status.textContent = box.dataset.saving;
            try {
                const cache = await caches.open("saved-guides-v1");
                await cache.addAll(manifest.urls);
                status.textContent = box.dataset.saved;
            } catch {
                status.textContent = box.dataset.failed;
                button.disabled = false;
            }
        });
    });
}
