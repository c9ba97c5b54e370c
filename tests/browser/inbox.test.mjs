// Drives the inbox page in headless Chromium; see run.sh. Every wait is bounded.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const { INBOX_URL, OUT, DEMO, CHROMIUM } = process.env;
const sdk = (...args) => execFileSync(DEMO, args, { encoding: "utf8" }).trim();
const step = (text) => console.log(`browser: ${text}`);

const userDataDir = mkdtempSync(path.join(tmpdir(), "zexa-inbox-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  // The page must load nothing from anywhere but the sandbox.
  page.on("request", (r) => {
    if (!r.url().startsWith(INBOX_URL)) problems.push(`foreign request: ${r.url()}`);
  });
  page.on("dialog", (d) => d.accept());

  await page.goto(INBOX_URL, { waitUntil: "load", timeout: 10_000 });
  await page.waitForFunction(() => document.getElementById("live").textContent === "live", null, { timeout: 5_000 });
  step("page loaded and live");

  // A webhook to a loopback port nobody listens on: its deliveries show the error.
  sdk("webhook", "http://127.0.0.1:9/zexa-hook");
  const to = "+244912345678";
  const id = sdk("message", to, "Olá Maria! A sua encomenda está a caminho.");
  const sentAt = Date.now();
  const bubble = page.locator(`[data-recipient="${to}"] [data-message-id="${id}"]`);
  await bubble.waitFor({ state: "visible", timeout: 2_000 });
  const shownAfter = Date.now() - sentAt;
  step(`message ${id} appeared ${shownAfter} ms after the SDK returned`);
  const text = await bubble.textContent();
  if (!text.includes("Olá Maria!") || !text.includes("sms") || !text.includes("from ZEXA")) {
    throw new Error(`the bubble lacks body, channel or sender: ${text}`);
  }

  const campaign = sdk("campaign", "8");
  const row = page.locator(`tr[data-campaign-id="${campaign}"]`);
  await row.waitFor({ state: "visible", timeout: 2_000 });
  const seen = new Set();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = await row.getAttribute("data-status");
    seen.add(status);
    if (status === "completed") break;
    if (Date.now() > deadline) throw new Error(`campaign stuck at ${status}`);
    await page.waitForTimeout(100);
  }
  const progress = await row.locator(".progress-text").textContent();
  const match = progress.match(/(\d+) delivered · (\d+) failed · (\d+) total/);
  if (!match || Number(match[1]) + Number(match[2]) !== 8 || Number(match[3]) !== 8) {
    throw new Error(`completed campaign progress is not 8 of 8: ${progress}`);
  }
  step(`campaign ${campaign} went through ${[...seen].join(" → ")}; ${progress}`);
  // The recipients' messages are in their own conversations, marked with the campaign.
  await page.locator(".bubble .campaign").first().waitFor({ timeout: 2_000 });
  const threads = await page.locator(".thread").count();
  if (threads !== 9) throw new Error(`expected 9 conversations, saw ${threads}`);
  // Every final outcome was announced: 9 message events and one campaign.completed.
  await page.waitForFunction(() => document.querySelectorAll("#delivery-rows tr").length === 10, null, { timeout: 5_000 });
  const deliveries = await page.locator("#delivery-rows").textContent();
  if (!deliveries.includes("campaign.completed") || !deliveries.includes("http://127.0.0.1:9/zexa-hook")) {
    throw new Error(`webhook deliveries not shown: ${deliveries}`);
  }
  await page.locator("#delivery-rows details summary").first().click();
  await page.screenshot({ path: path.join(OUT, "inbox.png"), fullPage: true });
  step("screenshot out/inbox.png");

  await page.click("#reset");
  await page.waitForFunction(
    () => document.querySelectorAll(".thread").length === 0
      && !document.getElementById("no-messages").hidden
      && document.getElementById("campaign-table").hidden
      && document.getElementById("contact-table").hidden,
    null,
    { timeout: 5_000 },
  );
  await page.screenshot({ path: path.join(OUT, "inbox-after-reset.png"), fullPage: true });
  step("reset emptied the view; screenshot out/inbox-after-reset.png");
  if (problems.length) throw new Error(problems.join("\n"));
} catch (e) {
  failed = true;
  console.error(`browser test FAILED: ${e.stack || e}`);
  try {
    await context.pages()[0]?.screenshot({ path: path.join(OUT, "failure.png"), fullPage: true });
  } catch {}
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
