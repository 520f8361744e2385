/**
 * The Discord HTTP baseline: a bare node:http endpoint that verifies the same
 * Ed25519 signature (X-Signature-Ed25519 over timestamp + body) and returns
 * a fixed reply. PORT and DISCORD_PUBLIC_KEY (hex) from the environment.
 */
import { createPublicKey, verify } from "node:crypto";
import { createServer } from "node:http";

const key = createPublicKey({
  key: Buffer.concat([
    Buffer.from("302a300506032b6570032100", "hex"),
    Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? "", "hex"),
  ]),
  format: "der",
  type: "spki",
});
const FIXED = JSON.stringify({ type: 4, data: { content: "Incident Desk is thinking about it." } });

const server = createServer((req, res) => {
  if (req.url === "/healthz") {
    res.end("ok");
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const signature = String(req.headers["x-signature-ed25519"] ?? "");
    const timestamp = String(req.headers["x-signature-timestamp"] ?? "");
    const signed = Buffer.concat([Buffer.from(timestamp), ...chunks]);
    if (!verify(null, signed, key, Buffer.from(signature, "hex"))) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(FIXED);
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
