// A throwaway self-signed certificate for localhost, made offline at test time with openssl (Debian's package,
// installed when missing and we are root, like Chromium and Redis).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Writes key.pem and cert.pem into `dir` and returns them; cert.pem doubles as the CA file runtimes trust. */
export function makeCertificate(dir) {
  if (spawnSync("openssl", ["version"]).error && process.getuid?.() === 0) {
    execFileSync(
      "sh",
      ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null"],
      {
        stdio: "inherit",
      },
    );
  }
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key), cert: readFileSync(cert), caFile: cert };
}
