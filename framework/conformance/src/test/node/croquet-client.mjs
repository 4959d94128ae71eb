// One unmodified Croquet client, driven line by line over stdin by the JUnit conformance tests.
//
// usage: node croquet-client.mjs <boxUrl> <sessionName> [rejoinLimitMs|-] [viewDataJson|-] [codeVersion|-]
//   codeVersion goes into Croquet.Constants: it changes the code hash (so the session id) but not the
//   persistent id, like deploying new model code; with it, the model also persists its state.
// stdin commands: "send <n>" (publish an increment), "reflect <n>" (the model publishes echo#reflected),
//   "state" (report model state),
//   "stream <base> <count> <intervalMs>" (publish base+1 .. base+count, one every intervalMs),
//   "snapshot" (ask Croquet to poll for a snapshot now), "blip" (drop the WebSocket; Croquet reconnects),
//   "leave" (Session.leave, then exit), "exit" (exit at once, without leaving),
//   "store <bytes> session|legacy" (store that many random bytes with the Data API and publish the handle
//   into the model: session.data.store, or the legacy, always shareable Croquet.Data.store(sessionId, ...)),
//   "fetch session|legacy" (fetch the model's handle the same way and report the bytes' SHA-256).
// stdout: Croquet's own logging, plus one "EVT {json}" line per event the tests assert on.

import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

// Croquet resolves its box/files URLs against window.location; in Node that global does not exist.
globalThis.window = { location: new URL("http://localhost/") };
// Croquet announces each session's controller to developer tools through this hook; the harness uses it
// to watch SYNC and SNAP frames and to drop the socket for the rejoin test, without changing the library.
globalThis.__CROQUET_DEVTOOLS__ = new EventTarget();

const require = createRequire(import.meta.url);
const Croquet = require("@croquet/croquet");

const [box, name, rejoinLimit, viewData, codeVersion] = process.argv.slice(2)
  .map((arg) => (arg === "-" ? undefined : arg));
if (codeVersion !== undefined) {
  Croquet.Constants.codeVersion = codeVersion;
}

function emit(event, data = {}) {
  process.stdout.write(`EVT ${JSON.stringify({ event, ...data })}\n`);
}

class Counter extends Croquet.Model {
  // persisted: what an earlier version of this code saved with persistSession, if anything.
  init(options, persisted) {
    this.count = persisted ? persisted.count : 0;
    this.log = persisted ? persisted.log : [];
    this.presence = [];
    this.echoes = [];
    this.divergences = 0;
    this.blob = null;
    this.subscribe("counter", "add", this.add);
    this.subscribe("counter", "reflect", this.reflect);
    this.subscribe("counter", "echo", this.echo);
    this.subscribe("counter", "echo#divergence", this.diverged);
    this.subscribe("data", "stored", this.stored);
    this.subscribe(this.sessionId, "view-join", this.viewJoined);
    this.subscribe(this.sessionId, "view-exit", this.viewExited);
  }

  add({ from, n }) {
    this.count += n;
    this.log.push(`${from}:${n}`);
    this.publish("counter", "changed", { count: this.count, from, n });
    if (Croquet.Constants.codeVersion !== undefined) {
      this.persistSession({ count: this.count, log: this.log });
    }
  }

  // Croquet's reflected event: every synced client votes with a TUTTI, the reflector relays the first copy
  // (a client not yet synced skips the vote, so the tests wait for "synced" first).
  reflect({ n }) {
    this.publish("counter", "echo#reflected", { n });
  }

  echo({ n }) {
    this.echoes.push(n);
    this.publish("counter", "echoed", { n, echoes: this.echoes.length });
  }

  diverged() {
    this.divergences++;
  }

  // The handle itself lives in model state: Croquet snapshots it as its Data.toId string.
  stored(handle) {
    this.blob = handle;
    this.publish("data", "changed", handle);
  }

  // The payload is the viewId, or {viewId, viewData} for a client that joined with viewData.
  viewJoined(view) {
    this.record("join", view);
  }

  viewExited(view) {
    this.record("exit", view);
  }

  record(what, view) {
    const entry = typeof view === "string"
      ? [what, view, this.now()]
      : [what, view.viewId, this.now(), view.viewData];
    this.presence.push(entry);
    this.publish("counter", "presence", entry);
  }
}
Counter.register("FlamingoConformanceCounter");

class CounterView extends Croquet.View {
  constructor(model) {
    super(model);
    this.model = model;
    emit("view", { viewId: this.viewId, count: model.count, time: model.now() });
    this.subscribe("counter", "changed", (change) => emit("changed", change));
    this.subscribe("counter", "echoed", (echo) => emit("echoed", echo));
    this.subscribe("counter", { event: "echo", handling: "vote" }, (tally) => emit("tally", { tally }));
    this.subscribe(this.viewId, "synced", (synced) => emit("synced", { synced }));
    this.subscribe("counter", "presence", ([what, viewId, time, viewData]) =>
      emit("presence", { what, viewId, time, viewData }));
    this.subscribe("data", "changed", (handle) => emit("blob", { id: Croquet.Data.toId(handle) }));
  }
}

let controller = null;
globalThis.__CROQUET_DEVTOOLS__.addEventListener("session", (e) => {
  controller = e.detail.controller;
  const receive = controller.receive.bind(controller);
  controller.receive = (action, args) => {
    if (action === "SYNC") {
      emit("sync", { url: args.url || "", messages: args.messages.length, time: args.time, seq: args.seq,
        timeline: args.timeline || "", persisted: !!args.persisted });
    }
    return receive(action, args);
  };
});

const session = await Croquet.Session.join({
  appId: "dev.flamingo.conformance",
  name,
  password: "conformance",
  apiKey: "none",
  box,
  model: Counter,
  view: CounterView,
  step: "manual",
  autoSleep: false,
  ...(rejoinLimit === undefined ? {} : { rejoinLimit: Number(rejoinLimit) }),
  ...(viewData === undefined ? {} : { viewData: JSON.parse(viewData) }),
});
const stepper = setInterval(() => session.step(performance.now()), 10);
emit("joined", { viewId: session.view.viewId, sessionId: session.id, versionId: session.versionId });

// Frames the reflector split into _CHUNK pieces (counted from now on: the SYNC came before this).
let chunkFrames = 0;
controller.connection.socket.addEventListener("message", (event) => {
  if (String(event.data).startsWith("_CHUNK")) {
    chunkFrames++;
  }
});

const socketClosed = controller.connection.socketClosed.bind(controller.connection);
controller.connection.socketClosed = (code, reason) => {
  emit("disconnected", { code, reason: String(reason ?? "") });
  return socketClosed(code, reason);
};
const connectionSend = controller.connection.send.bind(controller.connection);
controller.connection.send = (frame) => {
  if (frame.includes('"action":"SNAP"')) {
    emit("snap", { args: JSON.parse(frame).args });
  }
  if (frame.includes('"action":"SAVE"')) {
    emit("save", { args: JSON.parse(frame).args });
  }
  return connectionSend(frame);
};

function state() {
  const model = session.model;
  emit("state", { viewId: session.view.viewId, count: model.count, log: model.log, presence: model.presence,
    viewCount: model.viewCount, time: session.view.now(), chunkFrames, echoes: model.echoes,
    divergences: model.divergences, blob: model.blob && Croquet.Data.toId(model.blob) });
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

// Random bytes, so every byte value occurs and the body is not valid UTF-8: a text path would mangle it.
async function store(bytes, api) {
  const data = randomBytes(Number(bytes));
  const hash = sha256(data);
  // store() wants an ArrayBuffer of its own, and by default transfers (detaches) it to its upload worker.
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const handle = api === "legacy"
    ? await Croquet.Data.store(session.id, buffer)
    : await session.data.store(buffer);
  session.view.publish("data", "stored", handle);
  emit("stored", { id: Croquet.Data.toId(handle), bytes: data.length, sha256: hash });
}

// Croquet retries a failed download (after 100 ms, 1 s, 5 s) and then rejects: reported, not thrown.
async function fetchBlob(api) {
  const handle = session.model.blob;
  try {
    const bytes = api === "legacy"
      ? await Croquet.Data.fetch(session.id, handle)
      : await session.data.fetch(handle);
    emit("fetched", { ok: true, id: Croquet.Data.toId(handle), bytes: bytes.length, sha256: sha256(bytes) });
  } catch (error) {
    emit("fetched", { ok: false, id: Croquet.Data.toId(handle), message: String(error?.message || error) });
  }
}

const commands = {
  send: (n) => session.view.publish("counter", "add", { from: session.view.viewId, n: Number(n) }),
  reflect: (n) => session.view.publish("counter", "reflect", { n: Number(n) }),
  state,
  stream: (base, count, intervalMs) => {
    let sent = 0;
    const timer = setInterval(() => {
      if (sent === Number(count)) {
        clearInterval(timer);
        emit("streamed", { count: sent });
        return;
      }
      sent++;
      session.view.publish("counter", "add", { from: session.view.viewId, n: Number(base) + sent });
    }, Number(intervalMs));
  },
  snapshot: () => controller.requestDebugSnapshot(),
  store,
  fetch: fetchBlob,
  blip: () => controller.connection.socket.close(4000, "conformance test: network blip"),
  leave: async () => {
    clearInterval(stepper);
    await session.leave();
    emit("left");
    process.exit(0);
  },
  exit: () => process.exit(0),
};

createInterface({ input: process.stdin }).on("line", async (line) => {
  const [command, ...args] = line.trim().split(/\s+/);
  try {
    await commands[command](...args);
  } catch (error) {
    emit("error", { command: line, message: String(error?.stack || error) });
  }
});
process.stdin.on("end", () => process.exit(0));
