// kommunsk's page works without this file; it only adds copying the text to the clipboard.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("kopier");
  const status = document.getElementById("kopieret");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
    } catch (error) {
      field.select();
      document.execCommand("copy");
    }
    status.textContent = "Teksten er kopieret.";
  });
});
