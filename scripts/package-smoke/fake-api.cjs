// A stand-in for Frame.io and Adobe IMS on a loopback port, just big enough for the packed-package smoke test.
// CommonJS so that both the ESM and the CJS smoke entries can load it.
const { createServer } = require("node:http");

const ACCESS_TOKEN = "smoke-access-token";
const PROFILE = {
  data: {
    id: "fc985917-e92b-5fcd-a6c9-40c55fccf091",
    name: "Maya Okafor",
    email: "maya@example.com",
    avatar_url: null,
  },
};

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Starts the server on 127.0.0.1:0; `requests` lists "METHOD path" of everything it received, in order. */
function startFakeApi({ clientSecret }) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push(`${req.method} ${req.url}`);
      if (req.method === "POST" && req.url === "/ims/token/v3") {
        const form = new URLSearchParams(body);
        const granted = form.get("grant_type") === "client_credentials" && form.get("client_secret") === clientSecret;
        if (!granted) return send(res, 400, { error: "invalid_client" });
        return send(res, 200, { access_token: ACCESS_TOKEN, token_type: "bearer", expires_in: 86399 });
      }
      if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`)
        return send(res, 401, { errors: [{ detail: "bad token" }] });
      if (req.method === "GET" && req.url === "/v4/me") return send(res, 200, PROFILE);
      send(res, 404, { errors: [{ title: "Not Found", detail: "No such resource" }] });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const close = () => {
        // fetch keeps connections alive; without this, close() waits for their idle timeout.
        server.closeAllConnections();
        return new Promise((done) => server.close(done));
      };
      resolve({ url: `http://127.0.0.1:${server.address().port}`, requests, profile: PROFILE.data, close });
    });
  });
}

module.exports = { startFakeApi };
