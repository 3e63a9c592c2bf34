// "Print this sheet": the button is hidden in the HTML, so that without JavaScript no button shows that
// does nothing; with JavaScript it appears and opens the browser's print dialogue.
for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
}
