// baocao xem: the page kept current by the server's events (Server-Sent Events). Every text the
// server sends is set as text; only the document's rendering, pandoc's HTML, is set as HTML, and
// the page's Content-Security-Policy runs no script but this file.
"use strict";

const ten = document.body.dataset.ten;
const goc = "/van-ban/" + encodeURIComponent(ten) + "/";
let shown = { problems: null, html: null, pages: null };
let state = null;
let view = "trang";

function $(id) { return document.getElementById(id); }

function text(tag, content, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = content;
  return node;
}

function status(s) {
  if (s.failure) return s.failure;
  if (s.building && s.errors === 0) return "Đang dựng lại…";
  const parts = [];
  if (s.errors) parts.push("Có " + s.errors + " lỗi: các trang dưới đây là bản dựng tốt gần nhất.");
  const warnings = s.problems.length - s.errors;
  if (!s.errors) parts.push(warnings ? "Không có lỗi (" + warnings + " cảnh báo)." : "Không có lỗi.");
  if (s.mode === "dang-mo") parts.push("LibreOffice đang khởi động: tạm hiện bản HTML.");
  parts.push("Cập nhật lúc " + new Date().toLocaleTimeString("vi-VN") + ".");
  return parts.join(" ");
}

function showSource(problem) {
  $("nguon").hidden = false;
  $("tieu-de-nguon").textContent = problem.file + ", dòng " + problem.line + ", cột " + problem.column;
  const pre = $("dong-nguon");
  pre.replaceChildren();
  for (const [number, line] of problem.source) {
    const row = text("span", String(number).padStart(4, " ") + "  " + line + "\n",
      number === problem.line ? "dong-loi" : "");
    row.dataset.dong = number;
    pre.appendChild(row);
  }
  $("nguon").scrollIntoView({ block: "nearest" });
}

function renderProblems(problems) {
  const key = JSON.stringify(problems);
  if (key === shown.problems) return;
  shown.problems = key;
  const list = $("van-de");
  list.replaceChildren();
  $("khong-van-de").hidden = problems.length > 0;
  for (const problem of problems) {
    const item = document.createElement("li");
    item.className = problem.warning ? "canh-bao" : "loi";
    item.dataset.file = problem.name;
    item.dataset.line = problem.line;
    item.dataset.code = problem.code;
    const button = document.createElement("button");
    button.type = "button";
    button.appendChild(text("span", problem.file + ":" + problem.line + ":" + problem.column, "cho"));
    button.appendChild(document.createElement("br"));
    button.appendChild(text("span", problem.code, "ma"));
    button.appendChild(text("span", (problem.warning ? "cảnh báo: " : "") + problem.message));
    button.addEventListener("click", () => showSource(problem));
    item.appendChild(button);
    list.appendChild(item);
  }
  $("nguon").hidden = true;
}

function renderPages(s) {
  const key = JSON.stringify(s.pages);
  if (key === shown.pages) return;
  shown.pages = key;
  const box = $("trang");
  box.replaceChildren();
  s.pages.forEach((token, k) => {
    const image = document.createElement("img");
    image.src = goc + "trang/" + token + ".jpg";
    image.alt = "Trang " + (k + 1);
    image.dataset.trang = k + 1;
    box.appendChild(image);
  });
}

function renderView(s) {
  const pages = s.pages.length > 0;
  $("chon-che-do").hidden = !pages;
  const onPages = pages && view === "trang";
  $("trang").hidden = !onPages;
  $("ban-chu").hidden = onPages;
  $("nut-trang").setAttribute("aria-selected", String(onPages));
  $("nut-chu").setAttribute("aria-selected", String(!onPages));
  $("gan-dung").hidden = pages || !s.html;
}

function render(s) {
  state = s;
  if (s.subject) {
    $("trich-yeu").textContent = s.subject;
    document.title = s.subject + " — baocao xem";
  }
  $("tinh-trang").textContent = status(s);
  document.body.classList.toggle("cu", Boolean(s.stale && (s.html || s.pages.length)));
  $("cu").hidden = !(s.stale && (s.html || s.pages.length));
  renderProblems(s.problems);
  if (s.html !== shown.html) {
    shown.html = s.html;
    $("ban-chu").innerHTML = s.html;
  }
  renderPages(s);
  renderView(s);
  document.body.dataset.phienBan = s.version;
  document.body.dataset.dangDung = s.building ? "1" : "0";
}

// Where an amount comes from, beside the pointer.
function origin(target) {
  const box = $("nguon-goc");
  box.replaceChildren();
  for (const key of target.dataset.ref.split(" ")) {
    const known = state && state.provenance[key];
    if (!known) {
      box.appendChild(text("h4", key + ": số của văn bản khác"));
      continue;
    }
    box.appendChild(text("h4", known.value + " — " + (key.includes("@") ? "dòng không có mã" : "mã " + key)));
    const list = document.createElement("dl");
    for (const [label, value] of [["Là", known.what], ["Ở", known.where], ["Cách tính", known.how]]) {
      list.appendChild(text("dt", label));
      list.appendChild(text("dd", value));
    }
    list.appendChild(text("dt", "Nơi trích"));
    if (known.cited_at.length === 0) list.appendChild(text("dd", "chưa nơi nào trích số này"));
    for (const place of known.cited_at) list.appendChild(text("dd", place));
    box.appendChild(list);
  }
  const where = target.getBoundingClientRect();
  box.hidden = false;
  box.style.left = Math.max(8, Math.min(where.left, window.innerWidth - box.offsetWidth - 8)) + "px";
  const below = where.bottom + 6;
  box.style.top = (below + box.offsetHeight < window.innerHeight ? below : Math.max(8, where.top - box.offsetHeight - 6)) + "px";
}

function pointed(event) {
  const target = event.target.closest ? event.target.closest(".so-tien") : null;
  if (target) origin(target);
  else $("nguon-goc").hidden = true;
}

document.addEventListener("mouseover", pointed);
document.addEventListener("focusin", pointed);
$("nut-trang").addEventListener("click", () => { view = "trang"; if (state) renderView(state); });
$("nut-chu").addEventListener("click", () => { view = "chu"; if (state) renderView(state); });

const events = new EventSource(goc + "su-kien");
events.addEventListener("trang-thai", (event) => render(JSON.parse(event.data)));
events.addEventListener("error", () => {
  $("tinh-trang").textContent = "Mất kết nối với baocao xem (đã dừng?). Trang sẽ tự nối lại.";
});
